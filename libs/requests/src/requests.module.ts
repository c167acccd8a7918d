import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { EvidenceStore } from './evidence-store';
import { RequestMailSecretsModule } from './mail-secrets/request-mail-secrets.module';
import { IdentityService } from './identity.service';
import { IdentityWaitSweep } from './identity-wait-sweep.service';
import { RequestActionsService } from './request-actions.service';
import { RequestFilingService } from './request-filing.service';
import { EarlierRequestLookups } from './earlier-request-lookups';
import { RequestJournal } from './request-journal.service';
import { RequestNotifier } from './request-notifier.service';
import { RequestQueriesService } from './request-queries.service';
import { RequestRateLimits } from './request-rate-limits.service';
import { RequestRecordingService } from './request-recording.service';
import { RequestRepliesService } from './request-replies.service';
import { RequestsService } from './requests.service';
import { MailIntakeService } from './mail-intake/mail-intake.service';
import { IntakeRequesterService } from './mail-intake/requester-correction.service';
import { PostalLettersService } from './postal-letters.service';
import { RequestOriginalService } from './request-original.service';
import { SubjectLinkService } from './subject-link.service';
import { REQUESTS_PORT } from './requests.port';
import { RequestAssignmentService } from './desk/request-assignment.service';
import { RequestNotesService } from './desk/request-notes.service';
import { PackageDownloadsService } from './desk/package-downloads.service';
import { HistoricRequests } from './history/historic-requests.service';

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
    EarlierRequestLookups,
    IdentityService,
    IdentityWaitSweep,
    RequestActionsService,
    RequestQueriesService,
    RequestRepliesService,
    RequestRecordingService,
    RequestsService,
    MailIntakeService,
    IntakeRequesterService,
    RequestOriginalService,
    PostalLettersService,
    SubjectLinkService,
    RequestAssignmentService,
    RequestNotesService,
    PackageDownloadsService,
    HistoricRequests,
    { provide: REQUESTS_PORT, useExisting: RequestsService },
  ],
  exports: [RequestsService, RequestRepliesService, RequestRecordingService, MailIntakeService, IntakeRequesterService, RequestOriginalService, PostalLettersService, SubjectLinkService, IdentityWaitSweep, RequestAssignmentService, RequestNotesService, PackageDownloadsService, HistoricRequests, REQUESTS_PORT, MailModule],
})
export class RequestsModule {}
