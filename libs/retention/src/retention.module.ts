import { Module } from '@nestjs/common';
import { IngestModule } from '@regula/ingest';
import { SubjectsModule } from '@regula/subjects';
import { RetentionRecomputeService } from './retention-recompute.service';
import { RetentionSweepService } from './retention-sweep.service';
import { RetentionRunsService } from './retention-runs.service';
import { LegalHoldsQueryService } from './legal-holds-query.service';

/**
 * Retention (libs/retention): sweeps that erase or anonymise due records,
 * due-date recomputation after rule changes, runs and legal holds. Needs the
 * global Database, Queues, Audit and Registers modules of the app.
 */
@Module({
  imports: [IngestModule, SubjectsModule],
  providers: [RetentionRecomputeService, RetentionSweepService, RetentionRunsService, LegalHoldsQueryService],
  exports: [RetentionRecomputeService, RetentionSweepService, RetentionRunsService, LegalHoldsQueryService],
})
export class RetentionModule {}
