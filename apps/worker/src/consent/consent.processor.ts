import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { ConsentEffectsService } from '@regula/consent';
import { JobData, QueueName, TenantContext } from '@regula/platform';
import { handles } from '../job-handlers';

handles('consent-effect', 'consent-sweep');

/** The sweep scheduler's fixed id: every worker upserts the same one. */
export const CONSENT_SWEEP_SCHEDULER_ID = 'consent-sweep-5m';

/** Delayed consent-withdrawal effects and their sweep; delegates to ConsentEffectsService (libs/consent). */
@Processor(QueueName.Consent)
export class ConsentProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger('consent');

  constructor(private readonly effects: ConsentEffectsService, private readonly ctx: TenantContext, @InjectQueue(QueueName.Consent) private readonly queue: Queue) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(CONSENT_SWEEP_SCHEDULER_ID, { every: 5 * 60_000 }, { name: 'consent-sweep', data: {} });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'consent-effect': {
        const { tenantId, consentId } = job.data as JobData<'consent-effect'>;
        return this.ctx.run(tenantId, null, () => this.effects.apply(tenantId, consentId));
      }
      case 'consent-sweep': {
        const result = await this.effects.sweep();
        if (result.applied) this.logger.log(`sweep: ${result.applied} consent withdrawals applied`);
        return result;
      }
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
