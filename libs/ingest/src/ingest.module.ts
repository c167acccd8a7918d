import { Module } from '@nestjs/common';
import { EgressGuard } from '@regula/platform';
import { SubjectsModule } from '@regula/subjects';
import { SourceSystemsService } from './source-systems.service';
import { ApiKeyGuard } from './api-key.guard';
import { IngestService } from './ingest.service';
import { WebhookOutboxService } from './webhook-outbox.service';

/**
 * Ingest (libs/ingest): source systems and their API keys, the ingest API's
 * service and guard, and the signed-webhook outbox. What a batch stores is
 * written by libs/subjects (its StoreUpserts). Needs the global Database,
 * Redis, Queues, Audit, Tenancy and Registers modules of the app that imports it.
 */
@Module({
  imports: [SubjectsModule],
  providers: [EgressGuard, SourceSystemsService, ApiKeyGuard, IngestService, WebhookOutboxService],
  exports: [SourceSystemsService, ApiKeyGuard, IngestService, WebhookOutboxService],
})
export class IngestModule {}
