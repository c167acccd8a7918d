import { Injectable, Logger } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { IdentityWaitSweep } from '@regula/requests';
import { SlaService } from './sla.service';

/** The sla queue's jobs (hosted by the worker): one notice of a request, the sweep that catches what a lost job left, and the identity-wait sweep of libs/requests (reminders to the requester, "identity not confirmed"). */
@Injectable()
export class SlaJobHandlers implements JobHandlerTable<QueueName.Sla> {
  private readonly logger = new Logger('sla');

  constructor(private readonly sla: SlaService, private readonly identityWait: IdentityWaitSweep) {}

  readonly handlers: JobHandlers<QueueName.Sla> = {
    'sla-reminder': ({ tenantId, requestId, kind, dueAt }) => this.sla.notify(tenantId, requestId, kind, new Date(dueAt)),
    'sla-sweep': async () => {
      const result = await this.sla.sweep();
      if (result.sent) this.logger.log(`sweep: ${result.sent} SLA notices sent (${result.overdue} requests overdue)`);
      return result;
    },
    'identity-wait-sweep': async () => {
      const result = await this.identityWait.sweep();
      if (result.reminded || result.closed || result.expired) this.logger.log(`identity wait: ${result.reminded} reminded, ${result.closed} closed, ${result.expired} expired`);
      return result;
    },
  };
}
