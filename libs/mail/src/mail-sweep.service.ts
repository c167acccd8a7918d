import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLOCK, Clock, JobProducer, systemClock, TenantDb } from '@regula/platform';

/**
 * How long an e-mail may stay `pending` before the sweep takes its job for
 * lost: a send-email job is added the moment its transaction commits (a web
 * filing's by the worker that hears the insert, OutboxWakeListener), and the
 * delivery's retries keep it in Redis, so a pending e-mail older than this
 * had its job lost (the process stopped between the commit and the add, no
 * worker listened, or Redis was unreachable then).
 */
export const MAIL_SWEEP_GRACE_MS = 2 * 60_000;
/** E-mails requeued per scope and run (the next run takes the rest). */
export const MAIL_SWEEP_BATCH = 500;

/**
 * The outbox's relay of last resort (the mail queue's `mail-sweep`, every
 * minute): each e-mail still `pending` after MAIL_SWEEP_GRACE_MS, of every
 * tenant and of the platform, gets its send-email job again under its own id
 * (the e-mail's): a job that exists is left alone (BullMQ ignores the add),
 * one that gave up is retried, and one that finished while the row was not
 * committed yet is added anew. Delivery sends a row once whatever the number
 * of jobs (it reloads the row and skips one already sent).
 */
@Injectable()
export class MailSweep {
  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobProducer,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** The e-mails requeued; `graceMs` 0: every pending e-mail (a listener catching up, OutboxWakeListener). */
  async sweep(now = this.clock(), opts: { graceMs?: number } = {}): Promise<number> {
    const before = new Date(now.getTime() - (opts.graceMs ?? MAIL_SWEEP_GRACE_MS));
    let requeued = 0;
    const requeue = async (tenantId: string | null, ids: string[]) => {
      for (const emailId of ids) if (await this.jobs.requeue('send-email', { tenantId, emailId }, { jobId: emailId })) requeued += 1;
    };
    await requeue(null, await this.db.forPlatform((em) => stalled(em, null, before)));
    await this.db.forEachTenant(async (tenantId) => requeue(tenantId, await this.db.forTenant(tenantId, (em) => stalled(em, tenantId, before))));
    return requeued;
  }
}

/** Pending e-mails of a scope written before `before`, oldest first. */
async function stalled(em: EntityManager, tenantId: string | null, before: Date): Promise<string[]> {
  const rows: { id: string }[] = await em.query(
    `SELECT id FROM outbox_emails WHERE tenant_id IS NOT DISTINCT FROM $1::uuid AND status = 'pending' AND created_at < $2 ORDER BY created_at LIMIT ${MAIL_SWEEP_BATCH}`,
    [tenantId, before],
  );
  return rows.map((r) => r.id);
}
