import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { RequestMailSecretsModule } from '@regula/requests/mail-secrets/request-mail-secrets.module';
import { MailProcessor } from './mail.processor';

/** Processors of the mail queue: sends outbox e-mails by SMTP when configured, minting their secrets (libs/requests). */
@Module({ imports: [MailModule, RequestMailSecretsModule], providers: [MailProcessor] })
export class MailWorkerModule {}
