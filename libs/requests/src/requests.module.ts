import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { EvidenceStore } from './evidence-store';
import { RequestMailSecretsModule } from './mail-secrets/request-mail-secrets.module';
import { IdentityService } from './identity.service';
import { RequestActionsService } from './request-actions.service';
import { RequestFilingService } from './request-filing.service';
import { RequestJournal } from './request-journal.service';
import { RequestNotifier } from './request-notifier.service';
import { RequestQueriesService } from './request-queries.service';
import { RequestRateLimits } from './request-rate-limits.service';
import { RequestRepliesService } from './request-replies.service';
import { RequestsService } from './requests.service';
import { REQUESTS_PORT } from './requests.port';
import { RequestAssignmentService } from './desk/request-assignment.service';
import { RequestNotesService } from './desk/request-notes.service';
import { PackageDownloadsService } from './desk/package-downloads.service';

/**
 * rights requests: state machine, deadlines, identity (libs/requests).
 * Needs the global platform modules (config, database, Redis, queues) and AuditModule.
 */
@Module({
  imports: [MailModule, RequestMailSecretsModule],
  providers: [
    RequestJournal,
    RequestNotifier,
    RequestRateLimits,
    EvidenceStore,
    RequestFilingService,
    IdentityService,
    RequestActionsService,
    RequestQueriesService,
    RequestRepliesService,
    RequestsService,
    RequestAssignmentService,
    RequestNotesService,
    PackageDownloadsService,
    { provide: REQUESTS_PORT, useExisting: RequestsService },
  ],
  exports: [RequestsService, RequestRepliesService, RequestAssignmentService, RequestNotesService, PackageDownloadsService, REQUESTS_PORT, MailModule],
})
export class RequestsModule {}
