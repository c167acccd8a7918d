import { Module } from '@nestjs/common';
import { BreachesModule } from '@regula/breaches';
import { EvidenceSourcesService } from './evidence/evidence-sources.service';
import { ExportsService } from './exports.service';
import { EvidencePackSlots } from './evidence/evidence-pack-slots.service';

/**
 * Auditor exports (libs/exports): the Art. 30 record, register descriptions
 * and evidence packs. Needs the global Database, Audit and Registers modules of the app.
 */
@Module({
  imports: [BreachesModule],
  providers: [ExportsService, EvidenceSourcesService, EvidencePackSlots],
  exports: [ExportsService],
})
export class ExportsModule {}
