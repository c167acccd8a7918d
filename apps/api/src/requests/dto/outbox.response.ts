import { ApiProperty } from '@nestjs/swagger';

/** An e-mail Regula wrote for the tenant; the text and HTML only for readers with outbox:read-body. */
export class TenantOutboxEmail {
  @ApiProperty({ format: 'uuid', example: '9d0e1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' })
  tenantId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The request it is about, if any', example: '8c1d6e0a-2f4b-4b7e-9d3a-5e6f7a8b9c0d' })
  requestId: string | null;

  @ApiProperty({ example: 'mari.tamm@example.com' })
  to: string;

  @ApiProperty({ description: 'Codes and link tokens redacted', example: 'We received your request R-7KQ2-XM4P' })
  subject: string;

  @ApiProperty({ required: false, description: 'The rendered text (codes and link tokens redacted); with outbox:read-body only', example: 'Dear Mari Tamm, we received your request R-7KQ2-XM4P...' })
  text?: string;

  @ApiProperty({ required: false, description: 'The rendered HTML (codes and link tokens redacted); with outbox:read-body only', example: '<p>Dear Mari Tamm, we received your request R-7KQ2-XM4P...</p>' })
  html?: string;

  @ApiProperty({ example: 'request-received' })
  template: string;

  @ApiProperty({ example: 'et' })
  locale: string;

  @ApiProperty({ enum: ['outbox', 'pending', 'sent', 'failed'], description: "'outbox': kept here (no SMTP server); with SMTP 'pending', then 'sent' or 'failed'", example: 'outbox' })
  status: string;

  @ApiProperty({ example: 0 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true, example: null })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  sentAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T08:15:01.000Z' })
  createdAt: Date;
}

/** One page of the outbox, newest first. */
export class TenantOutboxPage {
  @ApiProperty({ type: () => [TenantOutboxEmail] })
  items: TenantOutboxEmail[];

  @ApiProperty({ example: 1 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 25 })
  pageSize: number;
}
