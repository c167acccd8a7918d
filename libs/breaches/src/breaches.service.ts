import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@regula/audit';
import { ConflictError, InvalidInputError, NotFoundError, TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { BreachEntity } from './breach.entity';
import { breachDeadline, closeBlocker, hoursLeft, nextClockAt, statusOf } from './breach-clock';
import { BreachClockScheduler } from './breach-clock.scheduler';
import { AuthorityNotice, BreachActor, BreachFacts, BreachPatch, SubjectsNotice } from './breach-types';

/** Clock skew allowed for times staff enter ("notified at", "aware at"). */
const FUTURE_SKEW_MS = 5 * 60_000;
const REF_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function bad(...messages: string[]): InvalidInputError {
  return new InvalidInputError(messages);
}

/** Art. 33(3)(b): the DPO's name and contact details, or another contact point. */
export function defaultDpoContact(definition: Record<string, unknown>): string {
  const def = definition as { dpo?: unknown; contact?: { email?: string; phone?: string } };
  const dpo = def.dpo && def.dpo !== 'none' ? (def.dpo as { name?: string; email?: string; phone?: string; title?: Record<string, string> }) : null;
  if (dpo && (dpo.name || dpo.email)) {
    const title = dpo.title?.en ? ` (${dpo.title.en})` : '';
    return [`${dpo.name ?? 'Data protection officer'}${title}`, dpo.email, dpo.phone].filter(Boolean).join(', ');
  }
  const c = def.contact ?? {};
  return ['No data protection officer designated; contact point', c.email, c.phone].filter(Boolean).join(': ').replace(/: ([^:]+)$/, ', $1');
}

/** The fields of a breach that are listed in the audit log when they change (values of free text are not copied). */
const VALUE_FIELDS = new Set(['awareAt', 'occurredAt', 'deadlineAt', 'risk', 'status', 'approxSubjects', 'approxRecords', 'authorityNotifiedAt', 'subjectsNotifiedAt', 'subjectsExemption', 'closedAt']);

/**
 * The breach register (GDPR Art. 33 and 34): records and documents every
 * breach, computes the 72-hour deadline from awareness, enforces the reasons
 * for a late notification and the subjects' notification (or an Art. 34(3)
 * exemption) for a high risk, audits every change and schedules the clock.
 */
@Injectable()
export class BreachesService {
  constructor(private readonly db: TenantDb, private readonly audit: AuditService, private readonly clock: BreachClockScheduler) {}

  async record(tenantId: string, actor: BreachActor, facts: BreachFacts, now = new Date()): Promise<BreachView> {
    return this.db.forTenant(tenantId, async (em) => {
      const tenant = await this.tenant(em, tenantId);
      this.checkFacts(facts, now);
      const deadline = breachDeadline(facts.awareAt, tenant);
      const b = em.create(BreachEntity, {
        tenantId,
        reference: this.newReference(),
        title: facts.title.trim(),
        awareAt: facts.awareAt,
        occurredAt: facts.occurredAt ?? null,
        deadlineAt: deadline.dueAt,
        nature: facts.nature,
        dataCategories: facts.dataCategories,
        subjectCategories: facts.subjectCategories,
        approxSubjects: facts.approxSubjects ?? null,
        approxRecords: facts.approxRecords ?? null,
        likelyConsequences: facts.likelyConsequences ?? null,
        measures: facts.measures ?? null,
        dpoContact: facts.dpoContact?.trim() || defaultDpoContact(tenant.definition),
        risk: facts.risk ?? null,
        riskReasoning: facts.riskReasoning ?? null,
        authorityNotifiedAt: null,
        authorityReference: null,
        subjectsNotifiedAt: null,
        subjectsNotificationMethod: null,
        subjectsExemption: null,
        subjectsExemptionReasoning: null,
        delayReasons: null,
        closedAt: null,
        remindersSent: [],
        deadlinePassedAt: null,
        createdBy: actor.label,
      });
      b.status = statusOf(b);
      const saved = await this.save(em, b);
      await this.log(em, actor, saved, 'breach.recorded', { reference: saved.reference, awareAt: saved.awareAt, deadlineAt: saved.deadlineAt, risk: saved.risk });
      await this.clock.schedule(em, saved, now);
      return this.view(saved, tenant, now);
    });
  }

  async update(tenantId: string, id: string, actor: BreachActor, patch: BreachPatch, now = new Date()): Promise<BreachView> {
    return this.db.forTenant(tenantId, async (em) => {
      const tenant = await this.tenant(em, tenantId);
      const b = await this.load(em, tenantId, id, true);
      const before = { ...b };
      const { status, ...fields } = patch;
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) (b as unknown as Record<string, unknown>)[k] = v;
      if (patch.title !== undefined) b.title = patch.title.trim();
      if (patch.dpoContact !== undefined) b.dpoContact = patch.dpoContact?.trim() || defaultDpoContact(tenant.definition);
      this.checkFacts(b, now);
      if (patch.awareAt !== undefined) {
        b.deadlineAt = breachDeadline(b.awareAt, tenant).dueAt;
        if (b.deadlinePassedAt && b.deadlineAt.getTime() > now.getTime()) b.deadlinePassedAt = null;
      }
      if (b.authorityNotifiedAt && b.authorityNotifiedAt.getTime() > b.deadlineAt.getTime() && !b.delayReasons?.trim()) {
        throw bad('delayReasons are required: the authority was notified after the 72 hours (GDPR Art. 33(1))');
      }
      if (status === 'closed' && !b.closedAt) {
        const blocker = closeBlocker(b);
        if (blocker) throw new ConflictError(`breach ${b.reference} cannot be closed: ${blocker}`);
        b.closedAt = now;
      } else if (status === 'open') b.closedAt = null;
      b.status = statusOf(b);
      const changes = this.diff(before, b);
      if (!Object.keys(changes).length) return this.view(b, tenant, now);
      const saved = await this.save(em, b);
      await this.log(em, actor, saved, status === 'closed' && !before.closedAt ? 'breach.closed' : 'breach.updated', { changes });
      await this.clock.schedule(em, saved, now);
      return this.view(saved, tenant, now);
    });
  }

  /** Records the notification to the supervisory authority (Art. 33(1)); after 72 hours only with the reasons for the delay. */
  async notifyAuthority(tenantId: string, id: string, actor: BreachActor, n: AuthorityNotice, now = new Date()): Promise<BreachView> {
    return this.db.forTenant(tenantId, async (em) => {
      const tenant = await this.tenant(em, tenantId);
      const b = await this.load(em, tenantId, id, true);
      if (b.authorityNotifiedAt) throw new ConflictError(`the authority was already notified of breach ${b.reference} at ${b.authorityNotifiedAt.toISOString()}`);
      const at = n.notifiedAt ?? now;
      if (at.getTime() < b.awareAt.getTime()) throw bad('notifiedAt must not be before awareAt');
      if (at.getTime() > now.getTime() + FUTURE_SKEW_MS) throw bad('notifiedAt must not be in the future');
      const reasons = n.delayReasons?.trim() || b.delayReasons?.trim() || null;
      const late = at.getTime() > b.deadlineAt.getTime();
      if (late && !reasons) {
        throw bad(`delayReasons are required: the authority is notified ${Math.max(1, Math.round((at.getTime() - b.deadlineAt.getTime()) / 3_600_000))} hour(s) after the 72-hour deadline (GDPR Art. 33(1))`);
      }
      b.authorityNotifiedAt = at;
      b.authorityReference = n.reference?.trim() || b.authorityReference;
      b.delayReasons = reasons;
      b.status = statusOf(b);
      const saved = await this.save(em, b);
      await this.log(em, actor, saved, 'breach.authority-notified', { notifiedAt: at, late, reference: saved.authorityReference });
      return this.view(saved, tenant, now);
    });
  }

  /** Records that the data subjects were told (Art. 34(1)), or the Art. 34(3) exemption that applies. */
  async notifySubjects(tenantId: string, id: string, actor: BreachActor, n: SubjectsNotice, now = new Date()): Promise<BreachView> {
    return this.db.forTenant(tenantId, async (em) => {
      const tenant = await this.tenant(em, tenantId);
      const b = await this.load(em, tenantId, id, true);
      if (b.subjectsNotifiedAt || b.subjectsExemption) throw new ConflictError(`the data subjects' notification of breach ${b.reference} is already recorded`);
      const at = n.notifiedAt ?? now;
      if (at.getTime() < b.awareAt.getTime()) throw bad('notifiedAt must not be before awareAt');
      if (at.getTime() > now.getTime() + FUTURE_SKEW_MS) throw bad('notifiedAt must not be in the future');
      const method = n.method?.trim() || null;
      if (n.exemption) {
        if (b.risk !== 'high-risk') throw bad('an Art. 34(3) exemption applies only to a high-risk breach; otherwise the subjects need not be told');
        if (!n.reasoning?.trim()) throw bad('reasoning is required for an exemption (why Art. 34(3) applies)');
        if (n.exemption === 'disproportionate-effort' && !method) throw bad('method is required for exemption (c): the public communication that informs the subjects instead (GDPR Art. 34(3)(c))');
        b.subjectsExemption = n.exemption;
        b.subjectsExemptionReasoning = n.reasoning.trim();
        if (n.exemption === 'disproportionate-effort') {
          b.subjectsNotifiedAt = at;
          b.subjectsNotificationMethod = method;
        }
      } else {
        if (!method) throw bad('method is required: how the data subjects were told (or give an exemption)');
        b.subjectsNotifiedAt = at;
        b.subjectsNotificationMethod = method;
      }
      b.status = statusOf(b);
      const saved = await this.save(em, b);
      await this.log(em, actor, saved, n.exemption ? 'breach.subjects-exemption' : 'breach.subjects-notified', {
        notifiedAt: saved.subjectsNotifiedAt,
        exemption: saved.subjectsExemption,
      });
      return this.view(saved, tenant, now);
    });
  }

  /** The register: open breaches first (nearest deadline first), then the rest by deadline. */
  async list(tenantId: string, opts: { status?: string; limit?: number; offset?: number } = {}, now = new Date()): Promise<{ items: BreachView[]; total: number }> {
    return this.db.forTenant(tenantId, async (em) => {
      const tenant = await this.tenant(em, tenantId);
      const qb = em.createQueryBuilder(BreachEntity, 'b').where('b.tenant_id = :t', { t: tenantId });
      if (opts.status) qb.andWhere('b.status = :s', { s: opts.status });
      qb.orderBy(`CASE WHEN b.status IN ('open', 'subjects-pending') THEN 0 ELSE 1 END`, 'ASC')
        .addOrderBy('b.deadline_at', 'ASC')
        .addOrderBy('b.reference', 'ASC')
        .take(opts.limit ?? 50)
        .skip(opts.offset ?? 0);
      const [rows, total] = await qb.getManyAndCount();
      return { items: rows.map((r) => this.view(r, tenant, now)), total };
    });
  }

  async get(tenantId: string, id: string, now = new Date()): Promise<BreachView> {
    return this.db.forTenant(tenantId, async (em) => this.view(await this.load(em, tenantId, id, false), await this.tenant(em, tenantId), now));
  }

  private checkFacts(f: Pick<BreachFacts, 'awareAt' | 'occurredAt' | 'risk' | 'riskReasoning'>, now: Date): void {
    const problems: string[] = [];
    if (f.awareAt.getTime() > now.getTime() + FUTURE_SKEW_MS) problems.push('awareAt must not be in the future');
    if (f.occurredAt && f.occurredAt.getTime() > f.awareAt.getTime()) problems.push('occurredAt must not be after awareAt');
    if (f.risk && !f.riskReasoning?.trim()) problems.push('riskReasoning is required with a risk assessment');
    if (problems.length) throw bad(...problems);
  }

  private async tenant(em: EntityManager, tenantId: string): Promise<TenantEntity> {
    const t = await em.findOne(TenantEntity, { where: { id: tenantId } });
    if (!t) throw new NotFoundError('no such tenant');
    return t;
  }

  private async load(em: EntityManager, tenantId: string, id: string, lock: boolean): Promise<BreachEntity> {
    const b = await em.findOne(BreachEntity, { where: { id, tenantId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!b) throw new NotFoundError(`no breach ${id}`);
    return b;
  }

  /** Saves the breach with when the sweep must next look at its clock (under the row lock its caller holds, or a new row). */
  private save(em: EntityManager, b: BreachEntity): Promise<BreachEntity> {
    b.clockNextAt = nextClockAt(b);
    return em.save(b);
  }

  private newReference(): string {
    const part = () => Array.from({ length: 4 }, () => REF_ALPHABET[randomInt(REF_ALPHABET.length)]).join('');
    return `BR-${part()}-${part()}`;
  }

  private diff(before: BreachEntity, after: BreachEntity): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v ?? null));
    for (const k of Object.keys(after) as (keyof BreachEntity)[]) {
      if (k === 'updatedAt' || k === 'createdAt') continue;
      if (norm(before[k]) === norm(after[k])) continue;
      out[k] = VALUE_FIELDS.has(k) ? { from: before[k] ?? null, to: after[k] ?? null } : 'changed';
    }
    return out;
  }

  private log(em: EntityManager, actor: BreachActor, b: BreachEntity, action: AuditAction, details: Record<string, unknown>) {
    return this.audit.append(em, { tenantId: b.tenantId, actorId: actor.userId, actor: actor.label, action, targetType: 'breach', targetId: b.id, details, ip: actor.ip });
  }

  view(b: BreachEntity, tenant: TenantEntity, now: Date): BreachView {
    const deadline = breachDeadline(b.awareAt, tenant);
    const { tenantId: _t, remindersSent, clockNextAt: _n, ...rest } = b;
    return {
      ...rest,
      clock: {
        deadlineAt: b.deadlineAt,
        hoursLeft: b.authorityNotifiedAt ? null : hoursLeft(b.deadlineAt, now),
        overdue: !b.authorityNotifiedAt && b.risk !== 'no-risk' && b.deadlineAt.getTime() <= now.getTime(),
        notifiedLate: !!b.authorityNotifiedAt && b.authorityNotifiedAt.getTime() > b.deadlineAt.getTime(),
        remindersSent: remindersSent.map((m) => m.split('@')[0]),
        deadlinePassedAt: b.deadlinePassedAt,
        explanation: deadline.explanation,
      },
    };
  }
}

export type BreachView = Omit<BreachEntity, 'tenantId' | 'remindersSent' | 'clockNextAt'> & {
  clock: {
    deadlineAt: Date;
    hoursLeft: number | null;
    overdue: boolean;
    notifiedLate: boolean;
    remindersSent: string[];
    deadlinePassedAt: Date | null;
    explanation: string[];
  };
};
