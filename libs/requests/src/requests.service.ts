import { Injectable } from '@nestjs/common';
import type { OutboxReader } from '@regula/mail';
import { IdentityEvidenceEntity } from './identity-evidence.entity';
import { ConfirmIdentityInput, ConfirmIdentityResult, IdentityService } from './identity.service';
import { RequestActionsService, type Rehearsal, type RehearsedAct } from './request-actions.service';
import { RequestActor, SYSTEM } from './request-actor';
import { RequestFilingService } from './request-filing.service';
import { RequestListFilter, RequestListPage, RequestQueriesService, RequestTodayCounts } from './request-queries.service';
import { RefusalGround } from './request-types';
import { FileRequestInput, FiledRequest, FilingContext, PublicRequestStatus, RequestsPort } from './requests.port';
import { RightsRequestEntity } from './rights-request.entity';

/**
 * The requests core (RequestsPort, also provided as REQUESTS_PORT): the
 * subject's side (filing, e-mail code, identity document, status page,
 * withdrawal) and the compliance admin's side (identity review,
 * extension, refusal, fee warning, messages, list and detail),
 * delegating to one small service per concern.
 */
@Injectable()
export class RequestsService implements RequestsPort {
  constructor(
    private readonly filing: RequestFilingService,
    private readonly identity: IdentityService,
    private readonly actions: RequestActionsService,
    private readonly queries: RequestQueriesService,
  ) {}

  // --- the subject (public pages) ---------------------------------------

  fileRequest(tenantId: string, input: FileRequestInput, ctx: FilingContext): Promise<FiledRequest> {
    return this.filing.fileRequest(tenantId, input, ctx);
  }

  verifyEmail(tenantId: string, reference: string, code: string, ctx: { ip: string }): Promise<RightsRequestEntity> {
    return this.filing.verifyEmail(tenantId, reference, code, ctx);
  }

  resendCode(tenantId: string, reference: string, statusToken: string, ctx: { ip: string }): Promise<void> {
    return this.filing.resendCode(tenantId, reference, statusToken, ctx);
  }

  addIdentityEvidence(tenantId: string, reference: string, statusToken: string, file: { originalName: string; buffer: Buffer }, ctx?: { ip: string }): Promise<IdentityEvidenceEntity> {
    return this.identity.addIdentityEvidence(tenantId, reference, statusToken, file, ctx);
  }

  statusFor(tenantId: string, reference: string, statusToken: string): Promise<PublicRequestStatus> {
    return this.queries.statusFor(tenantId, reference, statusToken);
  }

  withdrawBySubject(tenantId: string, reference: string, statusToken: string, ctx?: { ip: string }): Promise<RightsRequestEntity> {
    return this.actions.withdrawBySubject(tenantId, reference, statusToken, ctx);
  }

  // --- fulfilment ----------------------------------------------------------

  complete(tenantId: string, requestId: string, outcome: Record<string, unknown>, actor: string | RequestActor): Promise<RightsRequestEntity> {
    const who: RequestActor = typeof actor === 'string' ? { ...SYSTEM, label: actor, auditLabel: actor } : actor;
    return this.actions.complete(tenantId, requestId, outcome, who);
  }

  // --- the compliance admin ------------------------------------------------

  list(tenantId: string, filter: RequestListFilter, now?: Date): Promise<RequestListPage> {
    return this.queries.list(tenantId, filter, now);
  }

  /** What needs action today, counted (the home page). */
  todayCounts(tenantId: string, dueBefore: string, now?: Date): Promise<RequestTodayCounts> {
    return this.queries.todayCounts(tenantId, dueBefore, now);
  }

  /** `reader`: a staff member's view, audited as a reading of personal data. */
  detail(tenantId: string, reference: string, now?: Date, reader?: RequestActor) {
    return this.queries.detail(tenantId, reference, now, reader);
  }

  confirmIdentity(tenantId: string, reference: string, actor: RequestActor, input: ConfirmIdentityInput = {}): Promise<ConfirmIdentityResult> {
    return this.identity.confirmIdentity(tenantId, reference, actor, input);
  }

  rejectEvidence(tenantId: string, reference: string, actor: RequestActor, input: { reason: string; evidenceId?: string }): Promise<IdentityEvidenceEntity[]> {
    return this.identity.rejectEvidence(tenantId, reference, actor, input);
  }

  readEvidence(tenantId: string, reference: string, evidenceId: string, actor: RequestActor): Promise<{ evidence: IdentityEvidenceEntity; content: Buffer }> {
    return this.identity.readEvidence(tenantId, reference, evidenceId, actor);
  }

  /** The tenant's e-mails, newest first, with the rendered text and HTML (optionally of one request). */
  outbox(tenantId: string, opts: { page?: number; pageSize?: number; reference?: string }, who: OutboxReader) {
    return this.queries.outbox(tenantId, opts, who);
  }

  extend(tenantId: string, reference: string, actor: RequestActor, reason: string): Promise<RightsRequestEntity> {
    return this.actions.extend(tenantId, reference, actor, reason);
  }

  refuse(tenantId: string, reference: string, actor: RequestActor, input: { ground: RefusalGround; reason: string }): Promise<RightsRequestEntity> {
    return this.actions.refuse(tenantId, reference, actor, input);
  }

  /** A duplicate merged into its earlier open request: one answer for both (RequestActionsService.merge). */
  merge(tenantId: string, reference: string, actor: RequestActor): Promise<{ request: RightsRequestEntity; into: RightsRequestEntity }> {
    return this.actions.merge(tenantId, reference, actor);
  }

  /** What extending or refusing would do (state, due date, the requester's e-mail), nothing kept: the dashboard shows it before the act. */
  rehearse(tenantId: string, reference: string, actor: RequestActor, act: RehearsedAct): Promise<Rehearsal> {
    return this.actions.rehearse(tenantId, reference, actor, act);
  }

  requestFee(tenantId: string, reference: string, actor: RequestActor, input: { amount: number; reason: string }): Promise<RightsRequestEntity> {
    return this.actions.requestFee(tenantId, reference, actor, input);
  }

  addMessage(tenantId: string, reference: string, actor: RequestActor, text: string): Promise<{ id: string; at: Date }> {
    return this.actions.addMessage(tenantId, reference, actor, text);
  }
}
