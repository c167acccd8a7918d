import { Module } from '@nestjs/common';
import { BreachesModule } from '@regula/breaches';
import { EvidenceSourcesService } from './evidence/evidence-sources.service';
import { ExportsService } from './exports.service';
import { TenantArchives } from './archive/tenant-archives.service';
import { EvidencePackSlots } from './evidence/evidence-pack-slots.service';
import { PdfWorkers } from './pdf/pdf-workers.service';
import { RecordImports } from './record-import/record-import.service';

/**
 * Auditor exports (libs/exports): the Art. 30 record, register descriptions
 * and evidence packs; PDFs are rendered by worker threads (PdfWorkers). Needs the global Database, Audit and Registers modules of the app.
 */
@Module({
  imports: [BreachesModule],
  providers: [ExportsService, EvidenceSourcesService, EvidencePackSlots, PdfWorkers, TenantArchives, RecordImports],
  exports: [ExportsService, TenantArchives, RecordImports, PdfWorkers],
})
export class ExportsModule {}
