import { Module } from '@nestjs/common';
import { MailService } from './mail.service';
import { MailDeliveryService } from './mail-delivery.service';

/** e-mails from Handlebars templates, SMTP or outbox (libs/mail). */
@Module({
  providers: [MailService, MailDeliveryService],
  exports: [MailService, MailDeliveryService],
})
export class MailModule {}
