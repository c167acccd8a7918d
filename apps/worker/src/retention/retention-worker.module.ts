import { Module } from '@nestjs/common';
import { RetentionModule } from '@regula/retention';
import { RetentionProcessor } from './retention.processor';

/** Processors of the retention queue: sweeps that erase or anonymise due records. */
@Module({
  imports: [RetentionModule],
  providers: [RetentionProcessor],
})
export class RetentionWorkerModule {}
