import { Module } from '@nestjs/common';
import { EgressGuard } from '@regula/platform';
import { SourceSystemsService } from './source-systems.service';
import { ApiKeyGuard } from './api-key.guard';
import { IngestService } from './ingest.service';
import { WebhookOutboxService } from './webhook-outbox.service';
import { SubjectLookupService } from './subject-lookup.service';
import { ConsentsQueryService } from './consents-query.service';
import { DisclosuresQueryService } from './disclosures-query.service';
import { SUBJECT_WRITES } from './writes';

/**
 * The personal-data store (libs/subjects): source systems and their API keys,
 * the ingest API's service and guard, the signed-webhook outbox, and subject
 * lookup for requests and fulfilment, and the writes other libs make to the
 * store's tables (`writes/`). Needs the global Database, Redis,
 * Queues, Audit and Registers modules of the app that imports it.
 */
@Module({
  providers: [EgressGuard, SourceSystemsService, ApiKeyGuard, IngestService, WebhookOutboxService, SubjectLookupService, ConsentsQueryService, DisclosuresQueryService, ...SUBJECT_WRITES],
  exports: [SourceSystemsService, ApiKeyGuard, IngestService, WebhookOutboxService, SubjectLookupService, ConsentsQueryService, DisclosuresQueryService, ...SUBJECT_WRITES],
})
export class SubjectsModule {}
