import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { MailProcessor } from './mail.processor';

/** Processors of the mail queue: sends outbox e-mails by SMTP when configured. */
@Module({ imports: [MailModule], providers: [MailProcessor] })
export class MailWorkerModule {}
