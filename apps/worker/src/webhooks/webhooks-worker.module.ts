import { Module } from '@nestjs/common';
import { IngestModule } from '@regula/ingest';
import { WebhooksProcessor } from './webhooks.processor';

/** Processors of the webhooks queue: delivers the webhook outbox to tenants' systems. */
@Module({
  imports: [IngestModule],
  providers: [WebhooksProcessor],
})
export class WebhooksWorkerModule {}
