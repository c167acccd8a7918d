import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { PolicyAnnouncerService } from '@regula/policies';
import { JobData, QueueName, TenantContext } from '@regula/platform';
import { handles } from '../job-handlers';

handles('policy-announce');

/** E-mails material policy changes to account holders; delegates to PolicyAnnouncerService (libs/policies). */
@Processor(QueueName.Policy)
export class PolicyProcessor extends WorkerHost {
  constructor(private readonly announcer: PolicyAnnouncerService, private readonly ctx: TenantContext) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'policy-announce': {
        const { tenantId, versionId } = job.data as JobData<'policy-announce'>;
        return this.ctx.run(tenantId, null, () => this.announcer.announce(tenantId, versionId));
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
