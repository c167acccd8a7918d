import { Module } from '@nestjs/common';
import { IngestModule } from '@regula/ingest';
import { ConsentEffectsService } from './consent-effects.service';
import { ConsentWebhookSubscriber } from './consent-webhook.subscriber';
import { ConsentWithdrawalSubscriber } from './consent-withdrawal.subscriber';

/**
 * Delayed consent-withdrawal effects (libs/consent). Needs the global
 * platform modules (config, database, queues), RegistersModule and AuditModule.
 * Importing it in an app hooks consent writes (ConsentWithdrawalSubscriber) and
 * Regula's own withdrawals, through their consent.withdrawn outbox rows (ConsentWebhookSubscriber).
 */
@Module({
  imports: [IngestModule],
  providers: [ConsentEffectsService, ConsentWithdrawalSubscriber, ConsentWebhookSubscriber],
  exports: [ConsentEffectsService],
})
export class ConsentModule {}
