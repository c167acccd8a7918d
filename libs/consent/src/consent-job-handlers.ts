import { Injectable, Logger } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { ConsentEffectsService } from './consent-effects.service';

/** The consent queue's jobs (hosted by the worker): one withdrawal's effect, added at once after the withdrawal's commit, and the sweep that applies what a lost job missed. */
@Injectable()
export class ConsentJobHandlers implements JobHandlerTable<QueueName.Consent> {
  private readonly logger = new Logger('consent');

  constructor(private readonly effects: ConsentEffectsService) {}

  readonly handlers: JobHandlers<QueueName.Consent> = {
    'consent-effect': ({ tenantId, consentId }) => this.effects.apply(tenantId, consentId),
    'consent-sweep': async () => {
      const result = await this.effects.sweep();
      if (result.applied) this.logger.log(`sweep: ${result.applied} consent withdrawals applied`);
      return result;
    },
  };
}
