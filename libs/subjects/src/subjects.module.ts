import { Module } from '@nestjs/common';
import { SubjectLookupService } from './subject-lookup.service';
import { ConsentsQueryService } from './consents-query.service';
import { DisclosuresQueryService } from './disclosures-query.service';
import { SUBJECT_WRITES } from './writes';

/**
 * The personal-data store (libs/subjects): subject lookup, the dashboard's
 * consent and disclosure lists, and the writes other libs make to the store's
 * tables (`writes/`). Needs the global Database module of the app that
 * imports it. Ingest, source systems and webhooks are libs/ingest.
 */
@Module({
  providers: [SubjectLookupService, ConsentsQueryService, DisclosuresQueryService, ...SUBJECT_WRITES],
  exports: [SubjectLookupService, ConsentsQueryService, DisclosuresQueryService, ...SUBJECT_WRITES],
})
export class SubjectsModule {}
