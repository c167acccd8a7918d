import { Inject, Injectable, Logger } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, JobProducer, QueueName } from '@regula/platform';
import { AuditChainJobs } from './audit-chain-jobs.service';
import { AUDIT_HEADS_MAILER, type AuditHeadsMailer } from './audit-heads-mailer';

/**
 * The audit queue's jobs (hosted by the worker): every chain verified whole
 * each day (one job per tenant), heads signed and published every hour and
 * e-mailed to the platform admins every day, and every minute the entries
 * one-trip units left waiting chained. A broken chain is logged as an error.
 */
@Injectable()
export class AuditJobHandlers implements JobHandlerTable<QueueName.Audit> {
  private readonly logger = new Logger('audit-chain');

  constructor(private readonly jobs: AuditChainJobs, @Inject(AUDIT_HEADS_MAILER) private readonly heads: AuditHeadsMailer, private readonly producer: JobProducer) {}

  readonly handlers: JobHandlers<QueueName.Audit> = {
    'verify-all-chains': async () => {
      const tenantIds = await this.jobs.tenantIds();
      const day = new Date().toISOString().slice(0, 10);
      await this.producer.addBulk(tenantIds.map((tenantId) => ({ name: 'verify-chain' as const, data: { tenantId }, opts: { jobId: `verify-chain:${tenantId}:${day}` } })));
      return { tenants: tenantIds.length };
    },
    'verify-chain': async ({ tenantId }) => {
      const verdict = await this.jobs.verifyTenant(tenantId);
      if (!verdict.ok) this.logger.error(`tenant ${tenantId}: audit chain broken at entry ${verdict.brokenAt} (${verdict.reason})`);
      return verdict;
    },
    'publish-checkpoints': async () => {
      const heads = await this.jobs.publishAll();
      for (const h of heads) {
        if (!h.verdict.ok) this.logger.error(`${h.slug ?? 'platform'}: audit chain broken at entry ${h.verdict.brokenAt} (${h.verdict.reason})`);
      }
      return { chains: heads.length, broken: heads.filter((h) => !h.verdict.ok).length };
    },
    'mail-chain-heads': () => this.heads.send(),
    'audit-pending-sweep': async () => ({ tenants: await this.jobs.chainWaiting() }),
  };
}
