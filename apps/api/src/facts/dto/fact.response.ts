import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROVENANCE_CLASSES } from '@regula/engine';

/** A person's confirmation of a fact that was assumed or unknown. */
export class FactConfirmationResponse {
  @ApiProperty({ example: 'admin@medical-management.demo (compliance-admin)' })
  by: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T10:15:00.000Z' })
  at: string;

  @ApiProperty({ description: 'what the person checked', example: 'Checked with the IT contractor: logs are kept 90 days.' })
  note: string;

  @ApiProperty({ description: 'the value was replaced, not kept', example: false })
  replaced: boolean;

  @ApiProperty({ description: 'confirmed by the demo set-up, not by a person of the controller', example: false })
  forDemo: boolean;
}

/** One fact a reader sees, with where it comes from and what rests on it. */
export class FactResponse {
  @ApiProperty({ description: 'linter-style path; send it to confirm the fact', example: 'registers[log-data].retention[logs]' })
  path: string;

  @ApiPropertyOptional({ description: 'the register it belongs to', example: 'log-data' })
  registerId?: string;

  @ApiProperty({ description: 'the property it sits under', example: 'retention' })
  kind: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'its name per language, where it has one', example: { en: 'Operating the portal securely' } })
  label?: Record<string, string>;

  @ApiProperty({ enum: PROVENANCE_CLASSES, description: 'the class in the registers as synced (before any confirmation)', example: 'assumed' })
  definedAs: string;

  @ApiProperty({ enum: PROVENANCE_CLASSES, description: "the class readers get: 'stated' once a person confirmed it", example: 'assumed' })
  provenance: string;

  @ApiPropertyOptional({ description: 'why it is assumed, corrected or unknown', example: 'the notice names no storage period for logs: the statutory default is assumed' })
  reason?: string;

  @ApiPropertyOptional({ description: 'the document or law it rests on, and where', example: 'privacy-notice, clause 7' })
  source?: string;

  @ApiProperty({
    description: 'the fact\'s own value (a text, a number, a list or an object of fields; null where nothing is stated)',
    oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object', additionalProperties: true, nullable: true }],
    example: { kind: 'period', period: { months: 12 } },
  })
  value: unknown;

  @ApiProperty({ description: 'SHA-256 of the value: send it with the confirmation (409 when the value changed since)', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  valueHash: string;

  @ApiProperty({ type: [String], description: 'policy sections whose sentences rest on it', example: ['retention'] })
  sections: string[];

  @ApiPropertyOptional({ type: 'integer', description: 'live records whose retention due date rests on it (retention rules only)', example: 42 })
  retentionRecords?: number;

  @ApiPropertyOptional({ type: () => FactConfirmationResponse })
  confirmation?: FactConfirmationResponse;
}
