import { Module } from '@nestjs/common';

/** Processors of the webhooks queue: delivers the webhook outbox to tenants' systems. */
@Module({})
export class WebhooksWorkerModule {}
