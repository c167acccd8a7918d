import { Module } from '@nestjs/common';
import { SubjectsModule } from '@regula/subjects';
import { IngestController } from './ingest.controller';
import { SystemsController } from './systems.controller';
import { WebhooksController } from './webhooks.controller';

/** The ingest API for tenants' systems (API key), and the admins' source systems and webhook outbox (JWT). */
@Module({
  imports: [SubjectsModule],
  controllers: [IngestController, SystemsController, WebhooksController],
})
export class IngestApiModule {}
