import { Injectable, Logger } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { WebhookOutboxService } from './webhook-outbox.service';

/** The webhooks queue's jobs (hosted by the worker): one delivery of the outbox, and the sweep that re-enqueues due ones. */
@Injectable()
export class WebhookJobHandlers implements JobHandlerTable<QueueName.Webhooks> {
  private readonly logger = new Logger('webhooks');

  constructor(private readonly outbox: WebhookOutboxService) {}

  readonly handlers: JobHandlers<QueueName.Webhooks> = {
    'deliver-webhook': ({ tenantId, deliveryId }) => this.outbox.deliver(tenantId, deliveryId),
    'sweep-webhooks': async () => {
      const result = await this.outbox.sweep();
      if (result.enqueued) this.logger.log(`sweep: ${result.enqueued} due webhook deliveries re-enqueued`);
      return result;
    },
  };
}
