import { Module } from '@nestjs/common';

/** the compliance admin's requests API and the e-mail outbox. */
@Module({})
export class RequestsApiModule {}
