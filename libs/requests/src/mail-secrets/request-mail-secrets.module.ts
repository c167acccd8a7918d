import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { MailModule, MailSecretMinters } from '@regula/mail';
import { mintEmailCode, mintLinkToken, REQUEST_EMAIL_CODE, REQUEST_LINK_TOKEN } from './request-mail-secrets';
import { mintDownloadCode, REQUEST_DOWNLOAD_CODE } from '../desk/package-downloads';

/** Tells libs/mail how to mint the secrets of request e-mails. */
@Injectable()
export class RequestMailSecrets implements OnModuleInit {
  constructor(private readonly minters: MailSecretMinters) {}

  onModuleInit(): void {
    this.minters.register(REQUEST_LINK_TOKEN, mintLinkToken);
    this.minters.register(REQUEST_EMAIL_CODE, mintEmailCode);
    this.minters.register(REQUEST_DOWNLOAD_CODE, mintDownloadCode);
  }
}

/**
 * The minters of request secrets: in the API (RequestsModule) and in the
 * worker, whose mail queue sends the e-mails (MailJobHandlers in libs/mail).
 */
@Module({ imports: [MailModule], providers: [RequestMailSecrets] })
export class RequestMailSecretsModule {}
