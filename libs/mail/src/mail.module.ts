import { Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { MailDeliveryService } from './mail-delivery.service';
import { MailSweep } from './mail-sweep.service';
import { OutboxQueryService } from './outbox-query.service';
import { MailSecretMinters } from './secrets/mail-secret-minters';

/** e-mails from Handlebars templates, SMTP or outbox (libs/mail). */
@Module({
  providers: [MailService, MailDeliveryService, MailSweep, OutboxQueryService, MailSecretMinters],
  exports: [MailService, MailDeliveryService, MailSweep, OutboxQueryService, MailSecretMinters],
})
export class MailModule {}
