import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ITEM_KINDS, ItemKind, ItemStatus, WebhookEvent } from '@regula/ingest';

const ITEM_STATUSES: ItemStatus[] = ['created', 'updated', 'unchanged', 'ignored'];

/** Every event a system may be sent (a Record, so a new event does not compile until it is listed here). */
const EVENTS: Record<WebhookEvent, true> = {
  'record.erased': true, 'record.rectified': true, 'record.restricted': true, 'subject.objected': true, 'consent.withdrawn': true, 'consent.renewal-required': true,
};
export const WEBHOOK_EVENTS = Object.keys(EVENTS) as WebhookEvent[];

/** How many items of one kind ended how. */
export class IngestItemCounts {
  @ApiProperty({ type: 'integer', example: 1, minimum: 0 }) created: number;
  @ApiProperty({ type: 'integer', example: 0, minimum: 0 }) updated: number;
  @ApiProperty({ type: 'integer', example: 0, minimum: 0 }) unchanged: number;
  @ApiProperty({ type: 'integer', example: 0, minimum: 0 }) ignored: number;
}

/** The counts of each kind of item (every kind is present, zeros included). */
export class IngestBatchCounts implements Record<ItemKind, IngestItemCounts> {
  @ApiProperty({ type: () => IngestItemCounts }) subjects: IngestItemCounts;
  @ApiProperty({ type: () => IngestItemCounts }) records: IngestItemCounts;
  @ApiProperty({ type: () => IngestItemCounts }) consents: IngestItemCounts;
  @ApiProperty({ type: () => IngestItemCounts }) disclosures: IngestItemCounts;
}

/** The outcome of one item of the batch. */
export class IngestItemResult {
  @ApiProperty({ description: 'Where the item was in the batch', example: 'records[0]', pattern: `^(${ITEM_KINDS.join('|')})\\[\\d+\\]$` })
  item: string;

  @ApiPropertyOptional({ description: "The item's externalId (a subject's externalRef)", example: 'crm-contact-10023-email' })
  externalId?: string;

  @ApiProperty({ enum: ITEM_STATUSES, example: 'created' })
  status: ItemStatus;

  @ApiPropertyOptional({ description: 'Why an item was ignored (a record erased in Regula is not stored again)', example: 'this record was erased in Regula: it is not stored again; delete it in the source system' })
  note?: string;
}

/** An accepted batch (a refused one is 400 with every error, nothing stored). */
export class IngestBatchResponse {
  @ApiProperty({ enum: [true], example: true }) ok: true;
  @ApiProperty({ description: 'The sending system', example: 'crm' }) system: string;
  @ApiProperty({ type: 'integer', description: 'Items that changed something (created or updated)', example: 2, minimum: 0 }) changed: number;
  @ApiProperty({ type: () => IngestBatchCounts }) counts: IngestBatchCounts;
  @ApiProperty({ type: () => [IngestItemResult], description: 'One per item, subjects first, in batch order' }) items: IngestItemResult[];
}

/** A pending event for a system that polls (the body a webhook would carry). */
export class IngestEventResponse {
  @ApiProperty({ format: 'uuid', description: 'The event id; acknowledge it with POST .../events/{id}/ack', example: '3f2b8c1e-6d4a-4e7b-9a51-0c8f2d7e4b19' }) id: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS, example: 'record.erased' }) event: WebhookEvent;
  @ApiProperty({ description: "The tenant's slug", example: 'medical-management' }) tenant: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T02:30:12.000Z' }) occurredAt: string;
  @ApiProperty({
    type: 'object', additionalProperties: true, description: 'Ids (and, for a rectification, the corrected value): what the system needs to act',
    example: {
      retentionRunId: '5c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f', records: [{ externalId: 'crm-contact-10023-email', registerKey: 'direct-marketing', categoryId: 'marketing-contact', action: 'erase' }],
      erasedAt: '2026-11-20T02:30:12.000Z', ground: 'retention period ended (GDPR Art. 5(1)(e))',
    },
  })
  data: Record<string, unknown>;
}

/** An acknowledged event. */
export class IngestEventAckResponse {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-6d4a-4e7b-9a51-0c8f2d7e4b19' }) id: string;
  @ApiProperty({ enum: ['delivered'], example: 'delivered' }) status: 'delivered';
}
