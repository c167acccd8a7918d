import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { RequestMailSecretsModule } from '@regula/requests/mail-secrets/request-mail-secrets.module';
import { SignInLinkSecretModule } from '@regula/auth/sign-in-link-secret.module';
import { MailProcessor } from './mail.processor';

/** Processors of the mail queue: sends outbox e-mails by SMTP when configured, minting their secrets (libs/requests, libs/auth). */
@Module({ imports: [MailModule, RequestMailSecretsModule, SignInLinkSecretModule], providers: [MailProcessor] })
export class MailWorkerModule {}
