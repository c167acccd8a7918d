import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { JobData, QueueName, TenantContext } from '@regula/platform';
import { WebhookOutboxService } from '@regula/ingest';
import { handles } from '../job-handlers';

handles('deliver-webhook', 'sweep-webhooks');

/** The scheduler's fixed id: every worker upserts the same one. */
export const SWEEP_SCHEDULER_ID = 'sweep-webhooks-30s';

/** Delivers the webhook outbox to tenants' systems; delegates to WebhookOutboxService. */
@Processor(QueueName.Webhooks)
export class WebhooksProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('webhooks');

  constructor(private readonly outbox: WebhookOutboxService, private readonly ctx: TenantContext, @InjectQueue(QueueName.Webhooks) private readonly queue: Queue) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(SWEEP_SCHEDULER_ID, { every: 30_000 }, { name: 'sweep-webhooks', data: {} });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'deliver-webhook': {
        const { tenantId, deliveryId } = job.data as JobData<'deliver-webhook'>;
        return this.ctx.run(tenantId, null, () => this.outbox.deliver(tenantId, deliveryId));
      }
      case 'sweep-webhooks': {
        const result = await this.outbox.sweep();
        if (result.enqueued) this.logger.log(`sweep: ${result.enqueued} due webhook deliveries re-enqueued`);
        return result;
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
