import { Module } from '@nestjs/common';
import { EgressGuard } from '@regula/platform';
import { SourceSystemsService } from './source-systems.service';
import { ApiKeyGuard } from './api-key.guard';
import { IngestService } from './ingest.service';
import { WebhookOutboxService } from './webhook-outbox.service';
import { SubjectLookupService } from './subject-lookup.service';
import { ConsentsQueryService } from './consents-query.service';
import { DisclosuresQueryService } from './disclosures-query.service';

/**
 * The personal-data store (libs/subjects): source systems and their API keys,
 * the ingest API's service and guard, the signed-webhook outbox, and subject
 * lookup for requests and fulfilment. Needs the global Database, Redis,
 * Queues, Audit and Registers modules of the app that imports it.
 */
@Module({
  providers: [EgressGuard, SourceSystemsService, ApiKeyGuard, IngestService, WebhookOutboxService, SubjectLookupService, ConsentsQueryService, DisclosuresQueryService],
  exports: [SourceSystemsService, ApiKeyGuard, IngestService, WebhookOutboxService, SubjectLookupService, ConsentsQueryService, DisclosuresQueryService],
})
export class SubjectsModule {}
