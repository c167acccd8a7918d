import { Module } from '@nestjs/common';
import { IngestModule } from '@regula/ingest';
import { SubjectsModule } from '@regula/subjects';
import { ConsentEffectsService } from './consent-effects.service';

/**
 * Consent-withdrawal effects on the records, applied at once (libs/consent). Needs the global
 * platform modules (config, database, queues), RegistersModule and AuditModule.
 * Importing it in an app schedules the effect of the withdrawals that app
 * records (ConsentEffectsService handles ConsentWithdrawn of libs/subjects).
 */
@Module({
  imports: [IngestModule, SubjectsModule],
  providers: [ConsentEffectsService],
  exports: [ConsentEffectsService],
})
export class ConsentModule {}
