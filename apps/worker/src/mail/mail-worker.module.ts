import { Module } from '@nestjs/common';

/** Processors of the mail queue: sends outbox e-mails by SMTP when configured. */
@Module({})
export class MailWorkerModule {}
