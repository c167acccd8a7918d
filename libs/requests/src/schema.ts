import type { LibSchema } from '@regula/platform';
import { RequestArtifactEntity } from './fulfilment/request-artifact.entity';
import { IdentityEvidenceEntity } from './identity-evidence.entity';
import { RequestEventEntity } from './request-event.entity';
import { RequestSuspensionEntity } from './request-suspension.entity';
import { RightsRequestEntity } from './rights-request.entity';
import { RequestIdentityAndFees1763910000000 } from './migrations/1763910000000-request-identity-and-fees';
import { RequestArtifacts1763940000000 } from './migrations/1763940000000-request-artifacts';
import { RequestReplies1764200000000 } from './migrations/1764200000000-request-replies';
import { RequestLinkTokens1764400000001 } from './migrations/1764400000001-request-link-tokens';
import { RequestDesk1764540000000 } from './migrations/1764540000000-request-desk';
import { RequestNoteEntity } from './desk/request-note.entity';

/** Rights requests, their events, suspensions, identity evidence, artifacts and staff notes (the first four tables from libs/subjects' `SubjectsAndRequests1763800000000`). */
export const REQUESTS_SCHEMA: LibSchema = {
  entities: [RequestArtifactEntity, IdentityEvidenceEntity, RequestEventEntity, RequestSuspensionEntity, RightsRequestEntity, RequestNoteEntity],
  migrations: [RequestIdentityAndFees1763910000000, RequestArtifacts1763940000000, RequestReplies1764200000000, RequestLinkTokens1764400000001, RequestDesk1764540000000],
};
