import { Injectable, Logger } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { BreachClockJobs } from './breach-clock-jobs.service';

/** The breach queue's jobs (hosted by the worker): one step of a breach's 72-hour clock (GDPR Art. 33(1)), and the sweep. */
@Injectable()
export class BreachJobHandlers implements JobHandlerTable<QueueName.Breach> {
  private readonly logger = new Logger('breach-clock');

  constructor(private readonly jobs: BreachClockJobs) {}

  readonly handlers: JobHandlers<QueueName.Breach> = {
    'breach-clock': ({ tenantId, breachId, kind }) => this.jobs.runStep(tenantId, breachId, kind),
    'breach-sweep': async () => {
      const result = await this.jobs.sweep();
      if (result.steps) this.logger.log(`sweep: ${result.steps} missed breach clock step(s) run`);
      return result;
    },
  };
}
