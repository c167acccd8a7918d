import type { Deadline } from '@regula/engine';
import type { RightsRequestEntity } from './rights-request.entity';
import type { IdentityEvidenceEntity } from './identity-evidence.entity';
import type { RequestState, RequestType } from './request-types';
import type { RequestActor } from './request-actor';

/**
 * The contract of the requests core (RequestsService implements it), used by
 * the public pages (apps/api/src/public), the admin API and fulfilment. Every
 * method takes the tenant explicitly; errors are the platform's domain errors
 * (InvalidInputError for bad input, NotFoundError for an unknown request or
 * a wrong token, IllegalTransitionError, RequestRateLimitedError), which the
 * API answers 400, 404, 409 and 429.
 */

export interface FileRequestInput {
  type: RequestType;
  name: string;
  email: string;
  /** Language of the pages and e-mails for this request (one of the tenant's, or 'en'). */
  locale: string;
  /**
   * Per type: `message` (free text, all types), `corrections` (rectification:
   * [{ field, current?, corrected }]), `period` (recipients-in-period: { from, to }
   * ISO dates), `registers` / `purposes` (objection, consent withdrawal: ids),
   * `scope` ('direct-marketing' | 'all').
   */
  details: Record<string, unknown>;
  channel?: 'web-form' | 'e-mail' | 'post' | 'phone' | 'in-person';
}

/** Who files (the address limits count by) and, optionally, the version of the tenant's facts the caller saw. */
export interface FilingContext {
  ip: string;
  factsVersion?: string;
}

export interface FiledRequest {
  request: RightsRequestEntity;
  /** The secret of the filer's own status link (the confirmation page); shown once, never e-mailed, only its hash is stored. */
  statusToken: string;
  /** The legal deadline as the engine computed it (due date, explanation). */
  deadline: Deadline;
}

/** What the subject's status page shows. */
export interface PublicRequestStatus {
  reference: string;
  type: RequestType;
  state: RequestState;
  receivedAt: Date;
  dueDate: string;
  extended: boolean;
  identityMethod: RightsRequestEntity['identityMethod'];
  identityVerified: boolean;
  /**
   * What the request waits for now: the subject's code or document, or
   * (`document-check`) the controller's check of a document the subject
   * uploaded; null when nothing is awaited from identity.
   */
  waitingFor: 'email-code' | 'identity-document' | 'document-check' | null;
  /** Events visible to the subject, oldest first; `key` names the event for localised pages ('received', 'extended', 'message'...). */
  timeline: { at: Date; kind: string; note: string | null; key?: string }[];
  /** The answer, when closed: summary, what was kept and why, downloads (relative URLs). */
  outcome: Record<string, unknown> | null;
  refusal: { ground: string; reason: string } | null;
  /** Merged into the subject's earlier request (state `merged`): its reference, answered for both; null otherwise. */
  mergedInto?: string | null;
  /** Art. 12(5): the fee the subject was warned of, if any (the request stays open). */
  fee?: { amountEur: string; reason: string; requestedAt: Date } | null;
  /** The subject typed the e-mail code. */
  emailConfirmed?: boolean;
  /** Identity documents uploaded and not yet reviewed. */
  documentsAwaitingReview?: number;
  /** Until when the status link downloads the data package (a fresh e-mail code each time); null while the request is open. */
  downloadsUntil?: Date | null;
}

export interface RequestsPort {
  /**
   * `ctx.factsVersion`: a stamp that changes whenever the tenant's facts do
   * (the public pages' generation); given, the facts read for it are kept in
   * memory and reused while it stays the same.
   */
  fileRequest(tenantId: string, input: FileRequestInput, ctx: FilingContext): Promise<FiledRequest>;
  verifyEmail(tenantId: string, reference: string, code: string, ctx: { ip: string }): Promise<RightsRequestEntity>;
  /**
   * For requests awaiting a document: PDF, PNG, JPEG or an ASiC-E container
   * (.asice/.bdoc/.edoc), judged by content, at most 10 MB (400 otherwise);
   * 404 on a wrong token, 409 when the request awaits no document. `ctx.ip`
   * is rate-limited.
   */
  addIdentityEvidence(tenantId: string, reference: string, statusToken: string, file: { originalName: string; buffer: Buffer }, ctx?: { ip: string }): Promise<IdentityEvidenceEntity>;
  statusFor(tenantId: string, reference: string, statusToken: string): Promise<PublicRequestStatus>;
  withdrawBySubject(tenantId: string, reference: string, statusToken: string, ctx?: { ip: string }): Promise<RightsRequestEntity>;
  /** A new e-mail code when the first expired or was mistyped five times (rate-limited; 404 on a wrong token). */
  resendCode?(tenantId: string, reference: string, statusToken: string, ctx: { ip: string }): Promise<void>;
  /** Closes a request as completed with its outcome (used by fulfilment), audited and e-mailed. */
  complete(tenantId: string, requestId: string, outcome: Record<string, unknown>, actor: string | RequestActor): Promise<RightsRequestEntity>;
}

export const REQUESTS_PORT = Symbol('REQUESTS_PORT');
