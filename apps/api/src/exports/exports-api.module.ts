import { Module } from '@nestjs/common';
import { ExportsModule } from '@regula/exports';
import { ExportsController } from './exports.controller';
import { RecordImportController } from '../record-import/record-import.controller';

/** Auditor exports: the Art. 30 record, register descriptions, evidence packs; and the record's import from its spreadsheet. */
@Module({
  imports: [ExportsModule],
  controllers: [ExportsController, RecordImportController],
})
export class ExportsApiModule {}
