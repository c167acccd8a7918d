import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@regula/audit';
import { brandingOf, MailService, MailTemplate } from '@regula/mail';
import { CLOCK, Clock, systemClock, TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { requestsWithNoticeDue, RightsRequestEntity, setNextNoticeAt, typeLabel, withdrawalLimitOf, type WithdrawalLimitFacts } from '@regula/requests';
import { dueItems, nextNoticeAt, noticeKey, planSla, SlaItem, SlaRequestView } from './sla-plan';
import { SLA_OPTIONS, SlaOptions } from './sla-options';
import { complianceAdmins } from './sla-recipients';

export type SlaOutcome = 'sent' | 'gone' | 'stale' | 'not-yet' | 'already-sent';

const TEMPLATE: Record<string, MailTemplate> = {
  overdue: 'sla-overdue',
  'extension-alarm': 'sla-extension-alarm',
  'withdrawal-limit': 'sla-withdrawal-limit',
  'withdrawal-limit-passed': 'sla-withdrawal-limit',
};
const AUDIT_ACTION: Record<string, AuditAction> = {
  overdue: 'request.overdue',
  'extension-alarm': 'request.extension-alarm',
  'withdrawal-limit': 'request.withdrawal-limit-alarm',
  'withdrawal-limit-passed': 'request.withdrawal-limit-passed',
};
export const SLA_ACTOR = 'regula (SLA)';
/** Requests the sweep reads per query (it repeats until none is left due). */
export const SLA_SWEEP_BATCH = 500;

export interface SlaSweepResult {
  tenants: number;
  /** Requests the sweep read: those with a notice due (next_notice_at), not every open request. */
  read: number;
  sent: number;
  overdue: number;
}

/**
 * Sends the SLA e-mails of rights requests to the tenant's compliance admins
 * (in the tenant's first language) and marks overdue requests. Every notice
 * is recorded in `sla_notices` (unique per request, kind and due instant) in
 * the transaction that writes its e-mails: a job run twice, a job and the
 * sweep, or two workers send it once. A notice whose request has moved on
 * (paused, extended, closed, a new due date) is not sent.
 *
 * `rights_requests.next_notice_at` holds when a request must next be looked
 * at: written here, under the request's row lock, in the transaction that
 * sends a notice or plans the request again, so the sweep reads only the
 * requests with something due. A crash before that commit leaves the old
 * instant (at or before now): the next sweep sends what was lost.
 */
@Injectable()
export class SlaService {
  private readonly logger = new Logger('sla');

  constructor(
    private readonly db: TenantDb,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(SLA_OPTIONS) private readonly options: SlaOptions,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** The plan of a request as it is now (read under its row lock by lockRequest). */
  private async planOf(em: EntityManager, locked: LockedRequest): Promise<SlaItem[]> {
    return planSla(await viewOf(em, locked), this.options.reminderDays);
  }

  /** One notice (the `sla-reminder` job): sent when it is still due for the request as it is now, and not sent before. */
  notify(tenantId: string, requestId: string, kind: string, dueAt: Date, now = this.clock()): Promise<SlaOutcome> {
    return this.db.forTenant(tenantId, async (em) => {
      const locked = await lockRequest(em, tenantId, requestId);
      if (!locked) return 'gone';
      const { req } = locked;
      const plan = await this.planOf(em, locked);
      const item = plan.find((i) => i.kind === kind && i.dueAt.getTime() === dueAt.getTime());
      if (!item) return 'stale';
      if (item.at.getTime() > now.getTime()) return 'not-yet';
      // Superseded by a later reminder or the overdue escalation, or the extension is no longer possible.
      if (!dueItems(plan, now).includes(item)) return 'stale';
      const outcome = await this.send(em, req, item, now);
      if (outcome === 'sent') await this.storeNext(em, req, plan, new Set([...locked.sent, noticeKey(item.kind, item.dueAt)]), now);
      return outcome;
    });
  }

  /**
   * Plans the request again as it is now (after a change of its clock or
   * state): stores its next notice under the row lock and returns the plan.
   */
  replan(tenantId: string, requestId: string, now = this.clock()): Promise<SlaItem[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const locked = await lockRequest(em, tenantId, requestId);
      if (!locked) return [];
      const plan = await this.planOf(em, locked);
      await this.storeNext(em, locked.req, plan, locked.sent, now);
      return plan;
    });
  }

  /**
   * One request the sweep read: sends, in one transaction under its row lock,
   * every notice due and not sent, then stores its next notice. Returns what
   * it sent and whether the request is still due (a notice it could not
   * record: the sweep leaves it to the next run).
   */
  private settle(tenantId: string, requestId: string, now: Date): Promise<{ sent: SlaItem[]; stillDue: boolean }> {
    return this.db.forTenant(tenantId, async (em) => {
      const locked = await lockRequest(em, tenantId, requestId);
      if (!locked) return { sent: [], stillDue: false };
      const { req } = locked;
      const plan = await this.planOf(em, locked);
      const done = new Set(locked.sent);
      const sent: SlaItem[] = [];
      for (const item of dueItems(plan, now)) {
        if (done.has(noticeKey(item.kind, item.dueAt))) continue;
        if ((await this.send(em, req, item, now)) === 'sent') sent.push(item);
        done.add(noticeKey(item.kind, item.dueAt));
      }
      const next = await this.storeNext(em, req, plan, done, now);
      return { sent, stillDue: !!next && next.getTime() <= now.getTime() };
    });
  }

  private async storeNext(em: EntityManager, req: RightsRequestEntity, plan: SlaItem[], sent: ReadonlySet<string>, now: Date): Promise<Date | null> {
    const next = nextNoticeAt(plan, sent, now);
    await setNextNoticeAt(em, req.tenantId, req.id, next);
    return next;
  }

  private async send(em: EntityManager, req: RightsRequestEntity, item: SlaItem, now: Date): Promise<SlaOutcome> {
    const admins = await complianceAdmins(em, req.tenantId, now);
    const inserted: { id: string }[] = await em.query(
      `INSERT INTO sla_notices (tenant_id, request_id, kind, due_at, recipients, sent_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (request_id, kind, due_at) DO NOTHING RETURNING id`,
      [req.tenantId, req.id, item.kind, item.dueAt, admins.length, now],
    );
    if (!inserted.length) return 'already-sent';
    if (item.kind === 'overdue') {
      await em.query(`UPDATE rights_requests SET overdue_at = COALESCE(overdue_at, $1) WHERE tenant_id = $2 AND id = $3`, [now, req.tenantId, req.id]);
    }
    const tenant = await em.findOneOrFail(TenantEntity, { where: { id: req.tenantId } });
    const lang = brandingOf(tenant).languages[0] ?? 'en';
    const days = item.kind.startsWith('reminder-') ? Number(item.kind.slice('reminder-'.length)) : null;
    const limit = item.kind.startsWith('withdrawal-limit') ? withdrawalLimitOf(req, tenant.definition as WithdrawalLimitFacts) : null;
    for (const admin of admins) {
      await this.mail.send(em, {
        tenantId: req.tenantId,
        // Not tied to the request: the request's outbox holds what the subject is sent.
        requestId: null,
        to: admin.email,
        template: TEMPLATE[item.kind] ?? 'sla-reminder',
        locale: lang,
        data: {
          name: admin.name,
          reference: req.reference,
          type: req.type,
          typeLabel: typeLabel(req.type, lang),
          receivedAt: req.receivedAt,
          dueDate: req.dueAt,
          firstDueDate: req.firstDueAt,
          days,
          extended: !!req.extendedAt,
          ...(limit ? { limitDate: limit.dueDate, workingDays: limit.workingDays, limitPassed: item.kind === 'withdrawal-limit-passed', limitRef: limit.ref } : {}),
        },
      });
    }
    await this.audit.append(em, {
      tenantId: req.tenantId,
      actorId: null,
      actor: SLA_ACTOR,
      action: AUDIT_ACTION[item.kind] ?? 'request.sla-reminder',
      targetType: 'rights-request',
      targetId: req.id,
      details: { reference: req.reference, kind: item.kind, dueAt: item.dueAt.toISOString(), recipients: admins.length },
    });
    if (!admins.length) this.logger.warn(`request ${req.reference}: ${item.kind} has no compliance admin to go to`);
    return 'sent';
  }

  /**
   * Every 5 minutes: for every tenant, the requests with a notice due by
   * `now` (next_notice_at, on its index: the open requests with nothing due
   * are not read), each settled in its own transaction: what is due and was
   * not sent (a lost or late job, a request planned again) is sent, overdue
   * requests marked, the next notice stored. Idempotent.
   */
  async sweep(now = this.clock()): Promise<SlaSweepResult> {
    let read = 0;
    let sent = 0;
    let overdue = 0;
    const tenants = await this.db.forEachTenant(async (tenantId) => {
      // A request left due (its notice could not be recorded) is not read again in this run.
      const skip: string[] = [];
      for (;;) {
        const due = await this.db.forTenant(tenantId, (em) => requestsWithNoticeDue(em, tenantId, now, SLA_SWEEP_BATCH, skip));
        read += due.length;
        for (const requestId of due) {
          const settled = await this.settle(tenantId, requestId, now);
          sent += settled.sent.length;
          overdue += settled.sent.filter((i) => i.kind === 'overdue').length;
          if (settled.stillDue) skip.push(requestId);
        }
        if (due.length < SLA_SWEEP_BATCH) break;
      }
    });
    return { tenants, read, sent, overdue };
  }
}

/** A request read under its row lock, with what its plan needs: whether its clock stands still, and the notices already sent (`noticeKey`s). */
interface LockedRequest {
  req: RightsRequestEntity;
  paused: boolean;
  sent: ReadonlySet<string>;
}

/**
 * The request locked for update, its open stop and its sent notices in one
 * statement (each SLA step starts with it: after every filing and change of
 * a request, and for each request a sweep reads).
 */
async function lockRequest(em: EntityManager, tenantId: string, requestId: string): Promise<LockedRequest | null> {
  const { entities, raw } = await em
    .createQueryBuilder(RightsRequestEntity, 'r')
    .addSelect('EXISTS (SELECT 1 FROM request_suspensions s WHERE s.tenant_id = r.tenant_id AND s.request_id = r.id AND s.to_at IS NULL)', 'paused')
    .addSelect(`(SELECT COALESCE(json_agg(json_build_array(n.kind, n.due_at)), '[]') FROM sla_notices n WHERE n.tenant_id = r.tenant_id AND n.request_id = r.id)`, 'sent')
    .where('r.tenant_id = :tenantId AND r.id = :requestId', { tenantId, requestId })
    .setLock('pessimistic_write', undefined, ['r'])
    .getRawAndEntities();
  if (!entities.length) return null;
  const sent = (raw[0].sent as [string, string][]).map(([kind, dueAt]) => noticeKey(kind, new Date(dueAt)));
  return { req: entities[0], paused: raw[0].paused === true, sent: new Set(sent) };
}

/** The request as the plan sees it: with whether its clock stands still, and the controller's withdrawal limit if it made that promise. */
async function viewOf(em: EntityManager, { req, paused }: LockedRequest): Promise<SlaRequestView> {
  const facts = req.type === 'consent-withdrawal' ? await tenantFacts(em, req.tenantId) : null;
  return viewFrom(req, paused, facts);
}

function viewFrom(req: RightsRequestEntity, paused: boolean, facts: WithdrawalLimitFacts | null): SlaRequestView {
  // A web filing whose e-mail address is not confirmed comes from no one known (it may expire silently,
  // like the identity-wait sweep treats it): the dashboard shows its limit, but no alarm is e-mailed until it is confirmed.
  const fromSomeone = !!req.emailVerifiedAt || req.channel !== 'web-form';
  const limit = fromSomeone ? withdrawalLimitOf(req, facts) : null;
  return { state: req.state, dueAt: req.dueAt, firstDueAt: req.firstDueAt, extendedAt: req.extendedAt, paused, withdrawalLimit: limit?.dueAt ?? null };
}

async function tenantFacts(em: EntityManager, tenantId: string): Promise<WithdrawalLimitFacts | null> {
  const tenant = await em.findOne(TenantEntity, { where: { id: tenantId } });
  return (tenant?.definition as WithdrawalLimitFacts | undefined) ?? null;
}
