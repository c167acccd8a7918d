import { Module } from '@nestjs/common';
import { ExportsModule } from '@regula/exports';
import { ExportsController } from './exports.controller';

/** Auditor exports: the Art. 30 record, register descriptions, evidence packs. */
@Module({
  imports: [ExportsModule],
  controllers: [ExportsController],
})
export class ExportsApiModule {}
