import { Module } from '@nestjs/common';
import { IngestModule } from '@regula/ingest';
import { ConsentModule } from '@regula/consent';
import { IngestController } from './ingest.controller';
import { SystemsController } from './systems.controller';
import { WebhooksController } from './webhooks.controller';

/** The ingest API for tenants' systems (API key), and the admins' source systems and webhook outbox (JWT); ConsentModule schedules the effect of withdrawals ingested here. */
@Module({
  imports: [IngestModule, ConsentModule],
  controllers: [IngestController, SystemsController, WebhooksController],
})
export class IngestApiModule {}
