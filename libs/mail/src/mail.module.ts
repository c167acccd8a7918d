import { Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { MailDeliveryService } from './mail-delivery.service';
import { OutboxQueryService } from './outbox-query.service';

/** e-mails from Handlebars templates, SMTP or outbox (libs/mail). */
@Module({
  providers: [MailService, MailDeliveryService, OutboxQueryService],
  exports: [MailService, MailDeliveryService, OutboxQueryService],
})
export class MailModule {}
