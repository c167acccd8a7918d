import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { JobData, QueueName, TenantContext } from '@regula/platform';
import { SlaService } from '@regula/sla';
import { handles } from '../job-handlers';

handles('sla-reminder', 'sla-sweep');

/** The sweep scheduler's fixed id: every worker upserts the same one. */
export const SLA_SWEEP_SCHEDULER_ID = 'sla-sweep-5m';

/** SLA notices of rights requests and their sweep; delegates to SlaService (libs/sla). */
@Processor(QueueName.Sla)
export class SlaProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('sla');

  constructor(private readonly sla: SlaService, private readonly ctx: TenantContext, @InjectQueue(QueueName.Sla) private readonly queue: Queue) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(SLA_SWEEP_SCHEDULER_ID, { every: 5 * 60_000 }, { name: 'sla-sweep', data: {} });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'sla-reminder': {
        const { tenantId, requestId, kind, dueAt } = job.data as JobData<'sla-reminder'>;
        return this.ctx.run(tenantId, null, () => this.sla.notify(tenantId, requestId, kind, new Date(dueAt)));
      }
      case 'sla-sweep': {
        const result = await this.sla.sweep();
        if (result.sent) this.logger.log(`sweep: ${result.sent} SLA notices sent (${result.overdue} requests overdue)`);
        return result;
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
