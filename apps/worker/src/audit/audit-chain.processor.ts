import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { AuditChainJobs } from '@regula/audit';
import { AuditHeadsMail } from '@regula/mail';
import { JobData, QueueName, TenantContext } from '@regula/platform';
import { handles } from '../job-handlers';

handles('verify-all-chains', 'verify-chain', 'publish-checkpoints', 'mail-chain-heads');

/**
 * The audit chains: verified whole every day, their heads signed and
 * published (checkpoint file) every hour and e-mailed to the platform admins
 * every day; delegates to AuditChainJobs and AuditHeadsMail.
 */
@Processor(QueueName.Audit)
export class AuditChainProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('audit-chain');

  constructor(private readonly jobs: AuditChainJobs, private readonly heads: AuditHeadsMail, private readonly ctx: TenantContext, @InjectQueue(QueueName.Audit) private readonly queue: Queue) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Deterministic scheduler ids: every worker upserts the same ones.
    await this.queue.upsertJobScheduler('verify-all-chains-daily', { pattern: '15 3 * * *', tz: 'UTC' }, { name: 'verify-all-chains', data: {} });
    await this.queue.upsertJobScheduler('publish-checkpoints-hourly', { pattern: '5 * * * *', tz: 'UTC' }, { name: 'publish-checkpoints', data: {} });
    await this.queue.upsertJobScheduler('mail-chain-heads-daily', { pattern: '45 3 * * *', tz: 'UTC' }, { name: 'mail-chain-heads', data: {} });
    // Once at start, so chains from before the audit key are sealed without waiting for the hour (freed when done: the next start adds it again).
    await this.queue.add('publish-checkpoints', {}, { jobId: 'publish-checkpoints-at-start', removeOnComplete: true });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'verify-all-chains': {
        const tenantIds = await this.jobs.tenantIds();
        const day = new Date().toISOString().slice(0, 10);
        await this.queue.addBulk(tenantIds.map((tenantId) => ({ name: 'verify-chain', data: { tenantId }, opts: { jobId: `verify-chain:${tenantId}:${day}` } })));
        return { tenants: tenantIds.length };
      }
      case 'verify-chain': {
        const { tenantId } = job.data as JobData<'verify-chain'>;
        return this.ctx.run(tenantId, null, async () => {
          const verdict = await this.jobs.verifyTenant(tenantId);
          if (!verdict.ok) this.logger.error(`tenant ${tenantId}: audit chain broken at entry ${verdict.brokenAt} (${verdict.reason})`);
          return verdict;
        });
      }
      case 'publish-checkpoints': {
        const heads = await this.jobs.publishAll();
        for (const h of heads) {
          if (!h.verdict.ok) this.logger.error(`${h.slug ?? 'platform'}: audit chain broken at entry ${h.verdict.brokenAt} (${h.verdict.reason})`);
        }
        return { chains: heads.length, broken: heads.filter((h) => !h.verdict.ok).length };
      }
      case 'mail-chain-heads':
        return this.heads.send();
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
