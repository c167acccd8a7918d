import { Module } from '@nestjs/common';
import { RequestsModule } from '@regula/requests/requests.module';
import { OutboxController } from './outbox.controller';
import { RequestsController } from './requests.controller';

/** the compliance admin's requests API and the e-mail outbox. */
@Module({ imports: [RequestsModule], controllers: [RequestsController, OutboxController] })
export class RequestsApiModule {}
