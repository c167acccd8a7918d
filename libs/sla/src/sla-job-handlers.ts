import { Injectable, Logger } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { SlaService } from './sla.service';

/** The sla queue's jobs (hosted by the worker): one notice of a request, and the sweep that catches what a lost job left. */
@Injectable()
export class SlaJobHandlers implements JobHandlerTable<QueueName.Sla> {
  private readonly logger = new Logger('sla');

  constructor(private readonly sla: SlaService) {}

  readonly handlers: JobHandlers<QueueName.Sla> = {
    'sla-reminder': ({ tenantId, requestId, kind, dueAt }) => this.sla.notify(tenantId, requestId, kind, new Date(dueAt)),
    'sla-sweep': async () => {
      const result = await this.sla.sweep();
      if (result.sent) this.logger.log(`sweep: ${result.sent} SLA notices sent (${result.overdue} requests overdue)`);
      return result;
    },
  };
}
