import { Module } from '@nestjs/common';
import { RetentionModule } from '@regula/retention';
import { RetentionController } from './retention.controller';

/** The retention API: runs (list, detail, on demand), due counts, legal holds. */
@Module({
  imports: [RetentionModule],
  controllers: [RetentionController],
})
export class RetentionApiModule {}
