import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { brandingOf, MailService, MailTemplate } from '@regula/mail';
import { BreachEntity } from './breach.entity';
import { BreachClockKind, dueStep, hoursLeft, nextClockAt, stepDecision, stepMarker } from './breach-clock';

const WORKER_ACTOR = 'worker: breach clock';
/** Breaches the sweep reads per query (it repeats until none is left due). */
export const BREACH_SWEEP_BATCH = 500;

export interface ClockStepResult {
  result: ReturnType<typeof stepDecision> | 'gone';
  emails?: number;
}

/**
 * What the breach queue's jobs do (the worker's processor only delegates
 * here): e-mails a reminder or the deadline-passed warning to the tenant's
 * compliance admins and records it on the breach row, in one transaction
 * under a row lock, so a step runs once however many workers or sweeps race.
 */
@Injectable()
export class BreachClockJobs {
  private readonly logger = new Logger('breach-clock');

  constructor(private readonly db: TenantDb, private readonly mail: MailService, private readonly audit: AuditService) {}

  async runStep(tenantId: string, breachId: string, kind: BreachClockKind, now = new Date()): Promise<ClockStepResult> {
    return this.db.forTenant(tenantId, async (em) => {
      const b = await this.lock(em, tenantId, breachId);
      if (!b) return { result: 'gone' };
      return this.step(em, b, kind, now);
    });
  }

  private async step(em: EntityManager, b: BreachEntity, kind: BreachClockKind, now: Date): Promise<ClockStepResult> {
    const { tenantId } = b;
    const decision = stepDecision(b, kind, now);
    if (decision !== 'send') return { result: decision };
    const tenant = await em.findOneOrFail(TenantEntity, { where: { id: tenantId } });
    const admins = await this.complianceAdmins(em, tenantId);
    const locale = brandingOf(tenant).languages[0] ?? 'en';
    const template: MailTemplate = kind === 'deadline-passed' ? 'breach-deadline-passed' : 'breach-reminder';
    const data = { reference: b.reference, title: b.title, awareAt: b.awareAt, deadlineAt: b.deadlineAt, hoursLeft: Math.max(0, hoursLeft(b.deadlineAt, now)) };
    for (const to of admins) await this.mail.send(em, { tenantId, to, template, locale, data });
    if (!admins.length) this.logger.warn(`tenant ${tenantId}: no compliance admin to tell about breach ${b.reference} (${kind})`);
    b.remindersSent = [...b.remindersSent, stepMarker(kind, b.deadlineAt)];
    if (kind === 'deadline-passed') b.deadlinePassedAt = now;
    b.clockNextAt = nextClockAt(b);
    await em.save(b);
    await this.audit.append(em, {
      tenantId, actorId: null, actor: WORKER_ACTOR, action: kind === 'deadline-passed' ? 'breach.deadline-passed' : 'breach.reminder-sent',
      targetType: 'breach', targetId: b.id, details: { kind, deadlineAt: b.deadlineAt, emails: admins.length },
    });
    return { result: 'send', emails: admins.length };
  }

  /**
   * Runs every step that is due and was missed (a lost job, a worker that was
   * down), in every tenant. Reads only the breaches whose next step is due
   * (`clock_next_at <= now`, on its partial index), not every breach whose
   * clock runs; a breach it reads with nothing due (planned again: inserted
   * without the service, or by the migration) gets its next step stored.
   */
  async sweep(now = new Date()): Promise<{ steps: number; read: number }> {
    let steps = 0;
    let read = 0;
    await this.db.forEachTenant(async (tenantId) => {
      const skip: string[] = [];
      for (;;) {
        const due: { id: string }[] = await this.db.forTenant(tenantId, (em) =>
          em.query(
            `SELECT id FROM breaches WHERE tenant_id = $1 AND clock_next_at <= $2 AND NOT (id = ANY($3::uuid[])) ORDER BY clock_next_at LIMIT $4`,
            [tenantId, now, skip, BREACH_SWEEP_BATCH],
          ),
        );
        read += due.length;
        for (const { id } of due) {
          const settled = await this.settle(tenantId, id, now);
          if (settled.sent) steps++;
          if (settled.stillDue) skip.push(id);
        }
        if (due.length < BREACH_SWEEP_BATCH) break;
      }
    });
    return { steps, read };
  }

  /** One breach the sweep read, under its row lock: the step due now, if any, and its next step stored. */
  private settle(tenantId: string, breachId: string, now: Date): Promise<{ sent: boolean; stillDue: boolean }> {
    return this.db.forTenant(tenantId, async (em) => {
      const b = await this.lock(em, tenantId, breachId);
      if (!b) return { sent: false, stillDue: false };
      const kind = dueStep(b, now);
      const sent = !!kind && (await this.step(em, b, kind, now)).result === 'send';
      if (!sent) await em.query(`UPDATE breaches SET clock_next_at = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, b.id, nextClockAt(b)]);
      const next = nextClockAt(b);
      return { sent, stillDue: !!next && next.getTime() <= now.getTime() };
    });
  }

  private lock(em: EntityManager, tenantId: string, breachId: string): Promise<BreachEntity | null> {
    return em.findOne(BreachEntity, { where: { id: breachId, tenantId }, lock: { mode: 'pessimistic_write' } });
  }

  /** E-mail addresses of the tenant's active compliance admins who may read breaches. */
  private async complianceAdmins(em: EntityManager, tenantId: string): Promise<string[]> {
    const rows: { email: string }[] = await em.query(
      `SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND m.role = 'compliance-admin' AND u.disabled_at IS NULL
          AND (m.access_until IS NULL OR m.access_until > now())
          AND (m.permissions IS NULL OR 'breaches:read' = ANY (m.permissions))
        ORDER BY u.email`,
      [tenantId],
    );
    return rows.map((r) => r.email);
  }
}
