import { Module } from '@nestjs/common';
import { SubjectLookupService } from './subject-lookup.service';
import { ConsentsQueryService } from './consents-query.service';
import { DisclosuresQueryService } from './disclosures-query.service';

/**
 * The personal-data store (libs/subjects): subject lookup and the dashboard's
 * consent and disclosure lists. Needs the global Database module of the app
 * that imports it. Ingest, source systems and webhooks are libs/ingest.
 */
@Module({
  providers: [SubjectLookupService, ConsentsQueryService, DisclosuresQueryService],
  exports: [SubjectLookupService, ConsentsQueryService, DisclosuresQueryService],
})
export class SubjectsModule {}
