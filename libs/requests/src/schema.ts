import type { LibSchema } from '@regula/platform';
import { RequestArtifactEntity } from './fulfilment/request-artifact.entity';
import { RequestFulfilmentPlanEntity } from './fulfilment/request-fulfilment-plan.entity';
import { IdentityEvidenceEntity } from './identity-evidence.entity';
import { RequestEventEntity } from './request-event.entity';
import { RequestSuspensionEntity } from './request-suspension.entity';
import { RightsRequestEntity } from './rights-request.entity';
import { IntakeMessageEntity } from './mail-intake/intake-message.entity';
import { RequestIdentityAndFees1763910000000 } from './migrations/1763910000000-request-identity-and-fees';
import { RequestArtifacts1763940000000 } from './migrations/1763940000000-request-artifacts';
import { RequestReplies1764200000000 } from './migrations/1764200000000-request-replies';
import { RequestLinkTokens1764400000001 } from './migrations/1764400000001-request-link-tokens';
import { IntakeMessages1764510000000 } from './migrations/1764510000000-intake-messages';
import { RecordedRequests1764500000000 } from './migrations/1764500000000-recorded-requests';
import { RequestFulfilmentPlans1764530000000 } from './migrations/1764530000000-request-fulfilment-plans';
import { IdentityRequestLate1764520000000 } from './migrations/1764520000000-identity-request-late';
import { IdentityWait1764520000001 } from './migrations/1764520000001-identity-wait';
import { CloseFreeTextPauses1764520000002 } from './migrations/1764520000002-close-free-text-pauses';
import { RequestDesk1764540000000 } from './migrations/1764540000000-request-desk';
import { NextNotice1764600016001 } from './migrations/1764600016001-next-notice';
import { RequestNoteEntity } from './desk/request-note.entity';
import { AccessPackageBuildEntity } from './fulfilment/access-package-build.entity';
import { AccessPackageBuilds1764600050001 } from './migrations/1764600050001-access-package-builds';
import { DuplicateRequests1764600075001 } from './migrations/1764600075001-duplicate-requests';
import { ImportedRequests1764600078000 } from './migrations/1764600078000-imported-requests';
import { EarlierRequestLookup1764600079002 } from './migrations/1764600079002-earlier-request-lookup';
import { IdentityKeyLookup1764600080001 } from './migrations/1764600080001-identity-key-lookup';
import { EarlierRequestsTogether1764600080002 } from './migrations/1764600080002-earlier-requests-together';

/** Rights requests, their events, suspensions, identity evidence and artifacts, fulfilment plans, access package builds, staff notes, the messages of the e-mail intake (the first four tables from libs/subjects' `SubjectsAndRequests1763800000000`). */
export const REQUESTS_SCHEMA: LibSchema = {
  entities: [RequestArtifactEntity, RequestFulfilmentPlanEntity, IdentityEvidenceEntity, RequestEventEntity, RequestSuspensionEntity, RightsRequestEntity, IntakeMessageEntity, RequestNoteEntity, AccessPackageBuildEntity],
  migrations: [RequestIdentityAndFees1763910000000, RequestArtifacts1763940000000, RequestReplies1764200000000, RequestLinkTokens1764400000001, RecordedRequests1764500000000, IntakeMessages1764510000000, IdentityRequestLate1764520000000, IdentityWait1764520000001, CloseFreeTextPauses1764520000002, RequestFulfilmentPlans1764530000000, RequestDesk1764540000000, NextNotice1764600016001, AccessPackageBuilds1764600050001, DuplicateRequests1764600075001, ImportedRequests1764600078000, EarlierRequestLookup1764600079002, IdentityKeyLookup1764600080001, EarlierRequestsTogether1764600080002],
};
