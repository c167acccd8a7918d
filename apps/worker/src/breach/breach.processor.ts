import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { BreachClockJobs } from '@regula/breaches';
import { JobData, QueueName, TenantContext } from '@regula/platform';
import { handles } from '../job-handlers';

handles('breach-clock', 'breach-sweep');

/** The sweep's fixed scheduler id: every worker upserts the same one. */
export const BREACH_SWEEP_SCHEDULER_ID = 'breach-sweep-5min';

/** The 72-hour breach clock (GDPR Art. 33(1)); delegates to BreachClockJobs. */
@Processor(QueueName.Breach)
export class BreachProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('breach-clock');

  constructor(private readonly jobs: BreachClockJobs, private readonly ctx: TenantContext, @InjectQueue(QueueName.Breach) private readonly queue: Queue) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(BREACH_SWEEP_SCHEDULER_ID, { every: 5 * 60_000 }, { name: 'breach-sweep', data: {} });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'breach-clock': {
        const { tenantId, breachId, kind } = job.data as JobData<'breach-clock'>;
        return this.ctx.run(tenantId, null, () => this.jobs.runStep(tenantId, breachId, kind));
      }
      case 'breach-sweep': {
        const result = await this.jobs.sweep();
        if (result.steps) this.logger.log(`sweep: ${result.steps} missed breach clock step(s) run`);
        return result;
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
