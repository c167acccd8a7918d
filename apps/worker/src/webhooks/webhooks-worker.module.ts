import { Module } from '@nestjs/common';
import { SubjectsModule } from '@regula/subjects';
import { WebhooksProcessor } from './webhooks.processor';

/** Processors of the webhooks queue: delivers the webhook outbox to tenants' systems. */
@Module({
  imports: [SubjectsModule],
  providers: [WebhooksProcessor],
})
export class WebhooksWorkerModule {}
