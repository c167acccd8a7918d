import { withdrawalLimitOf, type WithdrawalLimit } from './consent-withdrawal-limit';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { CLOCK, Clock, NotFoundError, PageRequest, pageWindow, readPage, SqlFilter, systemClock, TenantDb } from '@regula/platform';
import { AuditService, recordPersonalDataRead } from '@regula/audit';
import { OutboxEmailEntity, OutboxQueryService, OutboxReader } from '@regula/mail';
import { RequestActor } from './request-actor';
import { IdentityEvidenceEntity } from './identity-evidence.entity';
import { deadlinesOf, suspensionsOf } from './request-clock';
import { requestNotFound } from './request-errors';
import { RequestEventEntity } from './request-event.entity';
import { statusTokenMatches } from './mail-secrets/request-mail-secrets';
import { normaliseReference } from './request-secrets';
import { allowedActions } from './request-state-machine';
import { findByReference, loadFacts } from './request-store';
import { DOCUMENT_METHODS, FINAL_STATES, IdentityMethod, RequestState, RequestType } from './request-types';
import { PublicRequestStatus } from './requests.port';
import { RightsRequestEntity } from './rights-request.entity';
import { withoutSecrets } from './request-filing.service';
import { RequestNoteEntity } from './desk/request-note.entity';
import { duplicateLinks } from './duplicates';
import { namesByEmail, namesOf } from './desk/request-team';
import { downloadsUntil } from './desk/package-downloads';

export interface RequestListFilter extends PageRequest {
  state?: RequestState;
  type?: RequestType;
  /** Due strictly before this local date, 'YYYY-MM-DD'. */
  dueBefore?: string;
  overdue?: boolean;
  /** Only the requests this member handles ("my requests"). */
  assigneeId?: string;
  /** Only the requests nobody handles yet. */
  unassigned?: boolean;
  /** Only the requests not closed (completed, refused, withdrawn). */
  open?: boolean;
}

/** What needs action today, counted (the dashboard's home page): each the count of the queue's filter its link opens. */
export interface RequestTodayCounts {
  /** In state `received`: nobody has acted yet. */
  received: number;
  /** Open, nobody handles them. */
  unassigned: number;
  /** Waiting for identity information (Art. 12(6)). */
  awaitingIdentity: number;
  overdue: number;
  /** Open and due before `dueBefore`, not overdue. */
  dueSoon: number;
}

export interface RequestListItem {
  id: string;
  reference: string;
  type: RequestType;
  state: RequestState;
  requesterName: string;
  requesterEmail: string | null;
  locale: string;
  channel: string;
  receivedAt: Date;
  dueAt: Date;
  dueDate: string;
  firstDueAt: Date;
  extended: boolean;
  /** When the time limit was extended (Art. 12(3)); null: not extended. */
  extendedAt: Date | null;
  identityMethod: string;
  identityVerified: boolean;
  /** When the requester's identity was confirmed; null: not (yet). */
  identityVerifiedAt: Date | null;
  /** The clock stands still (identity awaited, or paused). */
  suspended: 'identity' | 'pause' | null;
  /** Identity was first asked for more than REQUESTS_IDENTITY_LATE_DAYS after receipt. */
  identityRequestLate: boolean;
  /** A request of the past imported from a file (history/), not received through Regula. */
  imported: boolean;
  /** Past its due instant, not closed and not suspended. */
  overdue: boolean;
  /** When the SLA worker marked it overdue and escalated it. */
  overdueAt: Date | null;
  closedAt: Date | null;
  /** When the requester confirmed the e-mail address (null: not yet). */
  emailVerifiedAt: Date | null;
  /** Identity documents uploaded and not yet reviewed. */
  documentsPending: number;
  /** Who handles it (null: nobody yet). */
  assignee: { userId: string; name: string } | null;
  /** The reference of the earlier request of the same subject and type this one repeats (flagged when filed, duplicates.ts); null: none. */
  duplicateOf: string | null;
}

export interface RequestListPage {
  items: RequestListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** A request is overdue when it is open, its clock runs, and its due instant has passed. */
const OVERDUE_SQL = `(r.state <> ALL($2::text[]) AND s.kind IS NULL AND r.due_at < $3)`;

/** Reads: the admin's list and detail, and the subject's status page. */
@Injectable()
export class RequestQueriesService {
  constructor(
    private readonly db: TenantDb,
    private readonly outboxQuery: OutboxQueryService,
    private readonly audit: AuditService,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /**
   * The home page's counts of open requests in ONE statement over the tenant's open requests
   * (the `rights_requests_queue` index on tenant and state), overdue as the list says it.
   */
  async todayCounts(tenantId: string, dueBefore: string, now = this.clock()): Promise<RequestTodayCounts> {
    const [row] = await this.db.forTenant(tenantId, (em) =>
      em.query(
        `SELECT count(*) FILTER (WHERE q.state = 'received')::int AS received,
                count(*) FILTER (WHERE q.assignee_id IS NULL)::int AS unassigned,
                count(*) FILTER (WHERE q.state = 'awaiting-identity')::int AS awaiting_identity,
                count(*) FILTER (WHERE q.overdue)::int AS overdue,
                count(*) FILTER (WHERE NOT q.overdue AND q.due_date < $4::date)::int AS due_soon
           FROM (SELECT r.state, r.assignee_id, r.due_date, ${OVERDUE_SQL} AS overdue
                   FROM rights_requests r
                   LEFT JOIN LATERAL (SELECT x.kind FROM request_suspensions x WHERE x.request_id = r.id AND x.to_at IS NULL LIMIT 1) s ON true
                  WHERE r.tenant_id = $1 AND r.state IN ('received', 'awaiting-identity', 'in-progress', 'extended')) q`,
        [tenantId, FINAL_STATES, now, dueBefore],
      ),
    );
    return { received: row.received, unassigned: row.unassigned, awaitingIdentity: row.awaiting_identity, overdue: row.overdue, dueSoon: row.due_soon };
  }

  /** Overdue first, then by due instant; paginated. */
  list(tenantId: string, filter: RequestListFilter, now = this.clock()): Promise<RequestListPage> {
    const where = new SqlFilter([tenantId, FINAL_STATES, now], 'r.tenant_id = $1')
      .where(filter.state, (p) => `r.state = ${p}`)
      .where(filter.type, (p) => `r.type = ${p}`)
      .where(filter.dueBefore, (p) => `r.due_date < ${p}::date`)
      .where(filter.assigneeId, (p) => `r.assignee_id = ${p}::uuid`)
      .and(filter.unassigned ? 'r.assignee_id IS NULL' : undefined)
      .and(filter.open ? 'r.state <> ALL($2::text[])' : undefined)
      .and(filter.overdue === undefined ? undefined : filter.overdue ? OVERDUE_SQL : `NOT ${OVERDUE_SQL}`);
    const from = `FROM rights_requests r
        LEFT JOIN LATERAL (SELECT x.kind FROM request_suspensions x WHERE x.request_id = r.id AND x.to_at IS NULL LIMIT 1) s ON true
        LEFT JOIN users u ON u.id = r.assignee_id
        WHERE ${where.sql}`;
    return this.db.forTenant(tenantId, (em) =>
      readPage(
        em,
        where,
        pageWindow(filter, 25, 100),
        {
          count: `SELECT count(*)::int AS total FROM (SELECT ${OVERDUE_SQL} AS overdue ${from}) q`,
          rows: `SELECT r.id, r.reference, r.type, r.state, r.requester_name, r.requester_email, r.locale, r.channel, r.received_at, r.due_at,
                to_char(r.due_date, 'YYYY-MM-DD') AS due_date, r.first_due_at, r.extended_at, r.identity_method, r.identity_verified_at,
                r.closed_at, r.overdue_at, r.identity_request_late, r.imported_sha256 IS NOT NULL AS imported, s.kind AS suspended, ${OVERDUE_SQL} AS overdue,
                r.email_verified_at, r.assignee_id, coalesce(nullif(u.display_name, ''), u.email) AS assignee_name,
                (SELECT count(*)::int FROM identity_evidence e WHERE e.request_id = r.id AND e.decision IS NULL) AS documents_pending,
                (SELECT d.reference FROM rights_requests d WHERE d.id = r.duplicate_of) AS duplicate_of_reference
         ${from}
         ORDER BY overdue DESC, r.state = ANY($2::text[]) ASC,
                  CASE WHEN r.state = ANY($2::text[]) THEN NULL ELSE r.due_at END ASC, r.due_at DESC, r.reference ASC`,
        },
        (r) => ({
          id: r.id as string,
          reference: r.reference as string,
          type: r.type as RequestType,
          state: r.state as RequestState,
          requesterName: r.requester_name as string,
          requesterEmail: r.requester_email as string | null,
          locale: r.locale as string,
          channel: r.channel as string,
          receivedAt: r.received_at as Date,
          dueAt: r.due_at as Date,
          dueDate: r.due_date as string,
          firstDueAt: r.first_due_at as Date,
          extended: !!r.extended_at,
          extendedAt: (r.extended_at as Date | null) ?? null,
          identityMethod: r.identity_method as string,
          identityVerified: !!r.identity_verified_at,
          identityVerifiedAt: (r.identity_verified_at as Date | null) ?? null,
          suspended: (r.suspended as 'identity' | 'pause' | null) ?? null,
          identityRequestLate: !!r.identity_request_late,
          imported: !!r.imported,
          overdue: !!r.overdue,
          overdueAt: (r.overdue_at as Date | null) ?? null,
          closedAt: (r.closed_at as Date | null) ?? null,
          emailVerifiedAt: (r.email_verified_at as Date | null) ?? null,
          documentsPending: Number(r.documents_pending ?? 0),
          assignee: r.assignee_id ? { userId: r.assignee_id as string, name: (r.assignee_name as string | null) ?? '' } : null,
          duplicateOf: (r.duplicate_of_reference as string | null) ?? null,
        }),
      ),
    );
  }

  /**
   * Everything the admin needs about one request, with the deadline explained
   * step by step. A `reader` (a staff member's view) is audited as a reading
   * of personal data; without one (a lookup behind another page) it is not.
   */
  detail(tenantId: string, reference: string, now = this.clock(), reader?: RequestActor) {
    return this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      const req = await findByReference(em, tenantId, reference);
      if (reader) {
        await recordPersonalDataRead(this.audit, em, { tenantId, reader, what: 'request', targetType: 'rights-request', targetId: req.id, details: { reference: req.reference } });
      }
      // One connection (the transaction's): one query at a time.
      const events = await em.find(RequestEventEntity, { where: { tenantId, requestId: req.id }, order: { at: 'ASC', id: 'ASC' } });
      const suspensions = await suspensionsOf(em, req);
      const evidence = await em.find(IdentityEvidenceEntity, { where: { tenantId, requestId: req.id }, order: { uploadedAt: 'ASC' } });
      const emails = await em.find(OutboxEmailEntity, {
        where: { tenantId, requestId: req.id },
        order: { createdAt: 'ASC' },
        select: { id: true, template: true, subject: true, renderInput: true, status: true, to: true, createdAt: true, sentAt: true, locale: true },
      });
      const d = await deadlinesOf(em, facts, req, now);
      const notes = await em.find(RequestNoteEntity, { where: { tenantId, requestId: req.id }, order: { createdAt: 'ASC', id: 'ASC' } });
      const assigneeName = req.assigneeId ? (await namesOf(em, [req.assigneeId])).get(req.assigneeId) ?? '' : null;
      // The timeline records a staff member by e-mail; the page shows the member's name.
      const staffNames = await namesByEmail(em, tenantId, [...events.map((e) => e.actor), ...notes.map((n) => n.authorLabel)]);
      const nameOf = (label: string) => staffNames.get(label.toLowerCase()) ?? null;
      const open = suspensions.find((s) => !s.toAt) ?? null;
      const closed = FINAL_STATES.includes(req.state);
      return {
        request: withoutSecrets(req),
        allowedActions: allowedActions(req.state),
        deadline: {
          dueDate: closed ? req.dueDate : d.dueDate,
          dueAt: closed ? req.dueAt : d.dueAt,
          firstDueDate: d.first.dueDate,
          firstDueAt: d.first.dueAt,
          extended: !!req.extendedAt,
          canExtend: req.state === 'in-progress' && !req.extendedAt && now.getTime() <= d.first.dueAt.getTime(),
          suspended: open ? { kind: open.kind, since: open.fromAt, reason: open.reason } : null,
          suspendedDays: d.current.suspendedDays,
          overdue: !closed && !open && now.getTime() > req.dueAt.getTime(),
          /** Step by step, with the legal references (engine). An open suspension counts until now. */
          explanation: d.current.explanation,
          firstExplanation: d.first.explanation,
        },
        timeline: events.map((e) => Object.assign(e, { actorName: nameOf(e.actor) })),
        assignee: req.assigneeId ? { userId: req.assigneeId, name: assigneeName ?? '' } : null,
        /** Internal notes: staff only, never on the status page. */
        notes: notes.map((n) => ({ id: n.id, at: n.createdAt, author: n.authorLabel, authorName: nameOf(n.authorLabel), text: n.text })),
        suspensions,
        evidence: evidence.map(({ storageKey: _key, ...meta }) => meta),
        messages: events.filter((e) => e.kind === 'message').map((e) => ({ id: e.id, at: e.at, from: e.actor, text: e.note })),
        emails,
        authority: { name: facts.authority.name, nameEn: facts.authority.nameEn, abbreviation: facts.authority.abbreviation },
        /** The earlier request this one repeats and the later ones that repeat it (duplicates.ts). */
        duplicates: await duplicateLinks(em, tenantId, req),
        /** A consent withdrawal's outer limit the controller promised (Inomedis notice clause 15), from receipt; null when none. Not a waiting period. */
        withdrawalLimit: limitView(withdrawalLimitOf(req, facts.withdrawalPromise), closed, now),
      };
    });
  }

  /** The tenant's e-mails, newest first; the text and HTML for readers with `outbox:read-body`; audited (OutboxQueryService). */
  outbox(tenantId: string, opts: PageRequest & { reference?: string }, who: OutboxReader) {
    const { page, pageSize } = pageWindow(opts, 25, 100);
    return this.db.forTenant(tenantId, async (em) => {
      const request = opts.reference ? await findByReference(em, tenantId, opts.reference) : undefined;
      const { items, total } = await this.outboxQuery.listIn(em, tenantId, { page, pageSize, requestId: request?.id, reference: request?.reference }, who);
      return { items, total, page, pageSize };
    });
  }

  /** The subject's status page: the token is checked in constant time; a wrong one is a 404 like an unknown reference. */
  async statusFor(tenantId: string, reference: string, statusToken: string): Promise<PublicRequestStatus> {
    const ref = normaliseReference(reference);
    if (!ref || typeof statusToken !== 'string' || !statusToken) throw requestNotFound();
    return this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, ref, { secrets: true }).catch((e: unknown) => {
        if (e instanceof NotFoundError) return null;
        throw e;
      });
      // The token is hashed even when the reference is unknown: same work either way.
      const ok = await statusTokenMatches(em, req, statusToken);
      if (!req || !ok) throw requestNotFound();
      return this.statusOf(em, req);
    });
  }

  private async statusOf(em: EntityManager, req: RightsRequestEntity): Promise<PublicRequestStatus> {
    const events = await em.find(RequestEventEntity, { where: { tenantId: req.tenantId, requestId: req.id, visibleToSubject: true }, order: { at: 'ASC', id: 'ASC' } });
    const documentMethod = DOCUMENT_METHODS.includes(req.identityMethod as IdentityMethod);
    const pendingEvidence = documentMethod
      ? await em.count(IdentityEvidenceEntity, { where: { tenantId: req.tenantId, requestId: req.id, decision: IsNull() } })
      : 0;
    let waitingFor: PublicRequestStatus['waitingFor'] = null;
    // A document uploaded and not yet reviewed: the controller checks it, nothing more is asked of the subject.
    if (req.state === 'awaiting-identity') waitingFor = !req.emailVerifiedAt ? 'email-code' : documentMethod ? (pendingEvidence > 0 ? 'document-check' : 'identity-document') : null;
    return {
      reference: req.reference,
      type: req.type,
      state: req.state,
      receivedAt: req.receivedAt,
      dueDate: req.dueDate,
      extended: !!req.extendedAt,
      identityMethod: req.identityMethod,
      identityVerified: !!req.identityVerifiedAt,
      waitingFor,
      timeline: events.map((e) => ({ at: e.at, kind: e.kind, note: e.note, ...(e.data && typeof e.data.key === 'string' ? { key: e.data.key } : {}) })),
      outcome: req.state === 'completed' ? req.outcome : null,
      refusal: req.state === 'refused' && req.refusalGround ? { ground: req.refusalGround, reason: req.refusalReason ?? '' } : null,
      mergedInto: req.state === 'merged' && typeof req.outcome?.mergedInto === 'string' ? req.outcome.mergedInto : null,
      fee: req.feeRequestedAt && req.feeEur ? { amountEur: req.feeEur, reason: req.feeReason ?? '', requestedAt: req.feeRequestedAt } : null,
      emailConfirmed: !!req.emailVerifiedAt,
      documentsAwaitingReview: pendingEvidence,
      downloadsUntil: downloadsUntil(req),
    };
  }
}

function limitView(limit: WithdrawalLimit | null, closed: boolean, now: Date) {
  return limit ? { workingDays: limit.workingDays, dueDate: limit.dueDate, dueAt: limit.dueAt, ref: limit.ref, passed: !closed && now.getTime() > limit.dueAt.getTime() } : null;
}
