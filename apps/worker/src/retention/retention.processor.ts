import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { JobData, QueueName, TenantContext } from '@regula/platform';
import { RetentionRecomputeService, RetentionSweepService } from '@regula/retention';
import { handles } from '../job-handlers';

handles('retention-sweep-all', 'retention-sweep', 'retention-recompute');

/** The scheduler's fixed id: every worker upserts the same one. */
export const RETENTION_SCHEDULER_ID = 'retention-sweep-all-daily';

/**
 * Retention sweeps and due-date recomputation; delegates to libs/retention.
 * A sweep job may run long: a short lock (renewed while it runs) and a short
 * stall check let a restarted worker resume a killed worker's sweep within
 * seconds; the sweep is resumable, so a stalled job may be retried often.
 */
@Processor(QueueName.Retention, { concurrency: 2, lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 20 })
export class RetentionProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('retention');

  constructor(
    private readonly sweeps: RetentionSweepService,
    private readonly recompute: RetentionRecomputeService,
    private readonly ctx: TenantContext,
    @InjectQueue(QueueName.Retention) private readonly queue: Queue,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(RETENTION_SCHEDULER_ID, { pattern: '30 2 * * *', tz: 'UTC' }, { name: 'retention-sweep-all', data: {} });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'retention-sweep-all':
        return this.sweeps.sweepAll();
      case 'retention-sweep': {
        const { tenantId, runId } = job.data as JobData<'retention-sweep'>;
        return this.ctx.run(tenantId, null, async () => {
          try {
            const run = await this.sweeps.sweep(tenantId, runId);
            return { runId, status: run.status, erased: run.recordsErased, anonymised: run.recordsAnonymised, skippedProtected: run.recordsSkippedProtected };
          } catch (e) {
            if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await this.sweeps.fail(tenantId, runId, (e as Error).message);
            throw e;
          }
        });
      }
      case 'retention-recompute': {
        const { tenantId, registerKey } = job.data as JobData<'retention-recompute'>;
        return this.ctx.run(tenantId, null, () => this.recompute.recompute(tenantId, registerKey));
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
