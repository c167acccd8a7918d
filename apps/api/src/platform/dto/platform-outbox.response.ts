import { ApiProperty } from '@nestjs/swagger';

/** An e-mail of the platform to its admins (codes and link tokens redacted). */
export class PlatformOutboxEmail {
  @ApiProperty({ format: 'uuid', example: '5b7c9d1e-2f3a-4b5c-8d6e-7f8a9b0c1d2e' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "always null: the platform's own e-mails", example: null })
  tenantId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null })
  requestId: string | null;

  @ApiProperty({ example: 'platform@regula.demo' })
  to: string;

  @ApiProperty({ example: 'A queue has been paused for over an hour' })
  subject: string;

  @ApiProperty({ description: 'the rendered text', example: 'The queue retention-run has been paused since 08:00 UTC.' })
  text: string;

  @ApiProperty({ description: 'the rendered HTML', example: '<p>The queue retention-run has been paused since 08:00 UTC.</p>' })
  html: string;

  @ApiProperty({ example: 'queue-paused' })
  template: string;

  @ApiProperty({ example: 'en' })
  locale: string;

  @ApiProperty({ enum: ['outbox', 'pending', 'sent', 'failed'], description: "'outbox': kept here (no SMTP server); with SMTP 'pending', then 'sent' or 'failed'", example: 'outbox' })
  status: string;

  @ApiProperty({ type: 'integer', example: 0 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true, example: null })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  sentAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T09:00:00.000Z' })
  createdAt: Date;
}

/** One page of the platform's e-mails, newest first. */
export class PlatformOutboxPage {
  @ApiProperty({ type: () => PlatformOutboxEmail, isArray: true })
  items: PlatformOutboxEmail[];

  @ApiProperty({ type: 'integer', description: 'e-mails in all pages', example: 1 })
  total: number;

  @ApiProperty({ type: 'integer', example: 1 })
  page: number;

  @ApiProperty({ type: 'integer', example: 25 })
  pageSize: number;
}
