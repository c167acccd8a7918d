import { Module } from '@nestjs/common';

/** e-mails from Handlebars templates, SMTP or outbox (libs/mail). */
@Module({})
export class MailModule {}
