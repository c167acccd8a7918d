import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@regula/audit';
import { AfterCommit, EgressGuard, NotFoundError, JobProducer, shownEgressError, TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { WebhookDeliveryEntity, WebhookEvent } from './webhook-delivery.entity';
import { SourceSystemEntity } from './source-system.entity';
import { signatureHeader } from './webhook-signature';
import type { Actor } from './source-systems.service';

export interface EnqueueWebhook {
  tenantId: string;
  sourceSystemId: string;
  event: WebhookEvent;
  /** Ids and, for rectifications, the corrected value: what the system needs to act. */
  payload: Record<string, unknown>;
}

export type DeliveryOutcome =
  | { result: 'delivered'; attempts: number; status: number }
  | { result: 'retry'; attempts: number; nextAttemptAt: Date; error: string }
  | { result: 'failed'; attempts: number; error: string }
  | { result: 'skipped'; reason: 'missing' | 'busy' | 'already-delivered' | 'already-failed' | 'not-due' | 'no-endpoint' };

/** Attempts before a delivery is marked failed (the last about 38.5 hours after the first). */
export const WEBHOOK_MAX_ATTEMPTS = 16;
export const WEBHOOK_TIMEOUT_MS = 10_000;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 6 * 3600_000;
/** The sweep leaves deliveries this long to their own job before it re-enqueues them. */
const SWEEP_GRACE_MS = 60_000;

/** Delay after the n-th failed attempt (n >= 1): 30 s x 2^(n-1), at most 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

/** Deterministic BullMQ job id of a delivery's attempt (first attempt: the delivery id). */
export function deliveryJobId(deliveryId: string, attempts: number, slot?: number): string {
  return [deliveryId, ...(attempts > 0 ? [`a${attempts}`] : []), ...(slot !== undefined ? [`s${slot}`] : [])].join('-');
}

/**
 * The outbox of signed webhooks to source systems. `enqueue` writes the row
 * in the caller's transaction and adds the `deliver-webhook` job only after
 * that transaction commits (AfterCommit); `sweep` (every
 * 30 s) catches any delivery whose job was lost. `deliver` is idempotent:
 * the row is locked while it is delivered, a delivered or failed row is
 * skipped. Delivery is at least once: receivers de-duplicate on
 * X-Regula-Delivery.
 */
@Injectable()
export class WebhookOutboxService {
  private readonly logger = new Logger('webhooks');

  constructor(
    private readonly afterCommit: AfterCommit,
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly jobs: JobProducer,
    private readonly egress: EgressGuard,
  ) {}

  /** Writes a delivery in the caller's transaction; its job is added after the commit. */
  async enqueue(em: EntityManager, input: EnqueueWebhook): Promise<WebhookDeliveryEntity> {
    const row = await em.save(
      em.create(WebhookDeliveryEntity, {
        tenantId: input.tenantId, sourceSystemId: input.sourceSystemId, event: input.event, payload: input.payload,
        status: 'pending', attempts: 0, nextAttemptAt: new Date(), lastError: null, deliveredAt: null,
      }),
    );
    await this.afterCommit.run(em, () => this.addJob(input.tenantId, row.id, 0));
    return row;
  }

  /**
   * Deliveries a caller wrote in its own statement (a retention batch writes
   * its webhooks in the statement that deletes the records:
   * `INSERT INTO webhook_deliveries (tenant_id, source_system_id, event, payload)`,
   * the other columns at their defaults, pending now): their jobs are added
   * after the caller's transaction commits, as `enqueue` does.
   */
  async inserted(em: EntityManager, tenantId: string, deliveryIds: string[]): Promise<void> {
    if (!deliveryIds.length) return;
    await this.afterCommit.run(em, async () => {
      for (const id of deliveryIds) await this.addJob(tenantId, id, 0);
    });
  }

  /** Never throws: a job that cannot be added is found by the sweep. */
  private async addJob(tenantId: string, deliveryId: string, attempts: number, opts: { delayMs?: number; slot?: number } = {}): Promise<void> {
    try {
      await this.jobs.add('deliver-webhook', { tenantId, deliveryId }, { jobId: deliveryJobId(deliveryId, attempts, opts.slot), delay: opts.delayMs });
    } catch (e) {
      this.logger.warn(`delivery ${deliveryId}: could not add its job (${(e as Error).message}); the sweep will retry`);
    }
  }

  /**
   * Delivers one webhook: POST {id, event, tenant, occurredAt, data} to the
   * system's URL, signed, through the egress guard; 2xx is delivered, anything
   * else (an address the guard refuses too) schedules a retry with exponential
   * backoff, or marks it failed after the last attempt. `lastError` holds the
   * guard's generic error only.
   */
  async deliver(tenantId: string, deliveryId: string, opts: { now?: Date } = {}): Promise<DeliveryOutcome> {
    const now = opts.now ?? new Date();
    const outcome = await this.db.forTenant(tenantId, async (em): Promise<DeliveryOutcome> => {
      const row = await em
        .createQueryBuilder(WebhookDeliveryEntity, 'd')
        .where('d.id = :id AND d.tenant_id = :t', { id: deliveryId, t: tenantId })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!row) {
        const exists = await em.exists(WebhookDeliveryEntity, { where: { id: deliveryId, tenantId } });
        return { result: 'skipped', reason: exists ? 'busy' : 'missing' };
      }
      if (row.status === 'delivered') return { result: 'skipped', reason: 'already-delivered' };
      if (row.status === 'failed') return { result: 'skipped', reason: 'already-failed' };
      if (row.nextAttemptAt.getTime() > now.getTime() + 1000) return { result: 'skipped', reason: 'not-due' };
      const system = await em
        .createQueryBuilder(SourceSystemEntity, 's')
        .addSelect('s.webhookSecret')
        .where('s.id = :id AND s.tenant_id = :t', { id: row.sourceSystemId, t: tenantId })
        .getOne();
      if (!system?.webhookUrl || system.disabledAt) return { result: 'skipped', reason: 'no-endpoint' };
      const tenant = await em.findOneOrFail(TenantEntity, { where: { id: tenantId } });

      const body = JSON.stringify({ id: row.id, event: row.event, tenant: tenant.slug, occurredAt: row.createdAt.toISOString(), data: row.payload });
      // The guard checks the URL again (its name may resolve elsewhere since it was saved) and connects only where it checked.
      const sent = await this.egress.post(
        system.webhookUrl,
        body,
        {
          'Content-Type': 'application/json',
          'User-Agent': 'Regula-Webhooks/1',
          'X-Regula-Event': row.event,
          'X-Regula-Delivery': row.id,
          'X-Regula-Signature': signatureHeader(system.webhookSecret, body),
        },
        { timeoutMs: WEBHOOK_TIMEOUT_MS },
      );
      const attempts = row.attempts + 1;
      // What failed exactly (refused, reset, timeout, the address refused) stays in the server log: admins see only the generic error.
      if (!sent.ok) this.logger.warn(`delivery ${row.id} of tenant ${tenantId}, attempt ${attempts}: ${sent.detail}`);
      if (sent.ok) {
        await em.update(WebhookDeliveryEntity, { id: row.id }, { status: 'delivered', attempts, deliveredAt: new Date(), lastError: null });
        return { result: 'delivered', attempts, status: sent.status };
      }
      if (attempts >= WEBHOOK_MAX_ATTEMPTS) {
        await em.update(WebhookDeliveryEntity, { id: row.id }, { status: 'failed', attempts, lastError: sent.error });
        return { result: 'failed', attempts, error: sent.error };
      }
      const nextAttemptAt = new Date(now.getTime() + backoffMs(attempts));
      await em.update(WebhookDeliveryEntity, { id: row.id }, { attempts, nextAttemptAt, lastError: sent.error });
      return { result: 'retry', attempts, nextAttemptAt, error: sent.error };
    });
    if (outcome.result === 'retry') {
      await this.addJob(tenantId, deliveryId, outcome.attempts, { delayMs: Math.max(0, outcome.nextAttemptAt.getTime() - Date.now()) });
    }
    if (outcome.result === 'failed') this.logger.warn(`delivery ${deliveryId} of tenant ${tenantId} failed after ${outcome.attempts} attempts: ${outcome.error}`);
    return outcome;
  }

  /**
   * Re-enqueues pending deliveries that are due (by more than a grace period)
   * to systems with a webhook URL: their job was lost or Redis was down. Job
   * ids include the attempt and a 30-s slot, so repeated sweeps do not pile up.
   */
  async sweep(opts: { now?: Date; limit?: number } = {}): Promise<{ tenants: number; enqueued: number }> {
    const now = opts.now ?? new Date();
    const slot = Math.floor(now.getTime() / 30_000);
    let enqueued = 0;
    const tenants = await this.db.forEachTenant(async (tenantId) => {
      const due: { id: string; attempts: number }[] = await this.db.forTenant(tenantId, (em) =>
        em.query(
          `SELECT d.id, d.attempts FROM webhook_deliveries d JOIN source_systems s ON s.id = d.source_system_id
            WHERE d.tenant_id = $1 AND d.status = 'pending' AND d.next_attempt_at <= $2
              AND s.webhook_url IS NOT NULL AND s.disabled_at IS NULL
            ORDER BY d.next_attempt_at LIMIT $3`,
          [tenantId, new Date(now.getTime() - SWEEP_GRACE_MS), opts.limit ?? 500],
        ),
      );
      for (const d of due) await this.addJob(tenantId, d.id, d.attempts, { slot });
      enqueued += due.length;
    });
    return { tenants, enqueued };
  }

  /** The tenant's deliveries, newest first (admin view: no payload; errors stored before the egress guard shown generic too). */
  async list(tenantId: string, opts: { status?: WebhookDeliveryEntity['status']; limit?: number } = {}) {
    const rows = await this.db.forTenant(tenantId, (em) =>
      em
        .createQueryBuilder(WebhookDeliveryEntity, 'd')
        .innerJoin(SourceSystemEntity, 's', 's.id = d.source_system_id')
        .select([
          'd.id AS id', 'd.event AS event', 's.name AS system', 'd.status AS status', 'd.attempts AS attempts', 'd.next_attempt_at AS "nextAttemptAt"',
          'd.last_error AS "lastError"', 'd.delivered_at AS "deliveredAt"', 'd.created_at AS "createdAt"',
        ])
        .where('d.tenant_id = :t', { t: tenantId })
        .andWhere(opts.status ? 'd.status = :s' : 'TRUE', { s: opts.status })
        .orderBy('d.created_at', 'DESC')
        .limit(opts.limit ?? 100)
        .getRawMany<{ id: string; event: WebhookEvent; system: string; status: string; attempts: number; nextAttemptAt: Date; lastError: string | null; deliveredAt: Date | null; createdAt: Date }>(),
    );
    return rows.map((r) => ({ ...r, lastError: shownEgressError(r.lastError) }));
  }

  /** A failed delivery gets a fresh series of attempts (admin action, audited). */
  async retry(tenantId: string, deliveryId: string, actor: Actor): Promise<WebhookDeliveryEntity> {
    const row = await this.db.forTenant(tenantId, async (em) => {
      const found = await em.findOne(WebhookDeliveryEntity, { where: { id: deliveryId, tenantId } });
      if (!found) throw new NotFoundError(`no webhook delivery ${deliveryId}`);
      if (found.status !== 'failed') return found;
      await em.update(WebhookDeliveryEntity, { id: found.id }, { status: 'pending', attempts: 0, nextAttemptAt: new Date() });
      await this.audit.append(em, { tenantId, actorId: actor.id, actor: actor.label, action: 'webhook.retried', targetType: 'webhook-delivery', targetId: found.id, details: { event: found.event, previousAttempts: found.attempts }, ip: actor.ip });
      return { ...found, status: 'pending' as const, attempts: 0 };
    });
    if (row.status === 'pending') await this.addJob(tenantId, row.id, 0, { slot: Math.floor(Date.now() / 30_000) });
    return row;
  }

  /** Pending deliveries of one system, oldest first, for systems that poll instead of receiving webhooks. */
  pendingFor(tenantId: string, sourceSystemId: string, limit = 100) {
    return this.db.forTenant(tenantId, async (em) => {
      const tenant = await em.findOneOrFail(TenantEntity, { where: { id: tenantId } });
      const rows = await em.find(WebhookDeliveryEntity, { where: { tenantId, sourceSystemId, status: 'pending' }, order: { createdAt: 'ASC' }, take: limit });
      return rows.map((r) => ({ id: r.id, event: r.event, tenant: tenant.slug, occurredAt: r.createdAt.toISOString(), data: r.payload }));
    });
  }

  /** A polling system confirms it acted on an event. */
  async acknowledge(tenantId: string, sourceSystemId: string, deliveryId: string): Promise<{ id: string; status: 'delivered' }> {
    return this.db.forTenant(tenantId, async (em) => {
      const row = await em.findOne(WebhookDeliveryEntity, { where: { id: deliveryId, tenantId, sourceSystemId } });
      if (!row) throw new NotFoundError(`no event ${deliveryId} for this system`);
      if (row.status !== 'delivered') await em.update(WebhookDeliveryEntity, { id: row.id }, { status: 'delivered', deliveredAt: new Date(), lastError: null });
      return { id: row.id, status: 'delivered' };
    });
  }
}
