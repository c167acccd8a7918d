import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WebhookEvent } from '@regula/ingest';
import { WEBHOOK_EVENTS } from './ingest.response';

/** A source system as admins see it: never its key hash or webhook secret. */
export class SourceSystemResponse {
  @ApiProperty({ format: 'uuid', example: '7d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a' }) id: string;
  @ApiProperty({ description: "The name the tenant's registers use in `systems`", example: 'crm' }) name: string;
  @ApiProperty({ description: 'The public part of its API key (`rk_<keyId>.…`)', example: '9f86d081884c7d65', pattern: '^[0-9a-f]{16}$' }) keyId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Where signed webhooks go; null: the system polls /events', example: 'https://crm.example.lv/regula/webhook' }) webhookUrl: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Set while the key is refused', example: null }) disabledAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-02T09:15:00.000Z' }) createdAt: string;
}

/** A created or rotated system with its credentials, shown in this answer only. */
export class SourceSystemCredentialsResponse {
  @ApiProperty({ type: () => SourceSystemResponse }) system: SourceSystemResponse;

  @ApiProperty({ description: 'The API key, to send as `Authorization: Bearer …` to /api/v1/ingest/{tenant}/…', example: 'rk_9f86d081884c7d65.q3Vb8xT1mZ0rYk2LwE5nHj7pA4sD6fG9hJ1kL3zX5cV', pattern: '^rk_[0-9a-f]{16}\\.[A-Za-z0-9_-]{43}$' })
  apiKey: string;

  @ApiPropertyOptional({ description: 'The webhook signing secret: always on creation, on rotation only when asked for', example: 'whsec_Zx8c7V6b5N4m3L2k1J0h9G8f7D6s5A4q3W2e1R0t9Y8' })
  webhookSecret?: string;
}

/** One webhook delivery (no payload). */
export class WebhookDeliveryResponse {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4e7b-9a51-0c8f2d7e4b19' }) id: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, example: 'record.erased' }) event: WebhookEvent;
  @ApiProperty({ description: 'The receiving source system', example: 'crm' }) system: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'], example: 'failed' }) status: 'pending' | 'delivered' | 'failed';
  @ApiProperty({ type: 'integer', minimum: 0, example: 16 }) attempts: number;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-21T16:42:00.000Z' }) nextAttemptAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The last failure, said generically', example: 'HTTP 5xx' }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) deliveredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T02:30:12.000Z' }) createdAt: string;
}

/** A delivery after a retry was asked for (a delivery that had not failed is left as it is). */
export class WebhookRetryResponse {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4e7b-9a51-0c8f2d7e4b19' }) id: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'], example: 'pending' }) status: 'pending' | 'delivered' | 'failed';
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) attempts: number;
}
