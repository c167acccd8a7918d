import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { AuditChainJobs } from '@regula/audit';
import { JobData, QueueName, TenantContext } from '@regula/platform';
import { handles } from '../job-handlers';

handles('verify-all-chains', 'verify-chain');

/** Daily verification of every tenant's audit chain; delegates to AuditChainJobs. */
@Processor(QueueName.Audit)
export class AuditChainProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('audit-chain');

  constructor(private readonly jobs: AuditChainJobs, private readonly ctx: TenantContext, @InjectQueue(QueueName.Audit) private readonly queue: Queue) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    // Deterministic scheduler id: every worker upserts the same one.
    await this.queue.upsertJobScheduler('verify-all-chains-daily', { pattern: '15 3 * * *', tz: 'UTC' }, { name: 'verify-all-chains', data: {} });
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
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
