import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const HASH = '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b';
const CHAIN_BREAKS = ['hash-mismatch', 'prev-hash-mismatch', 'sequence-gap', 'unknown-key', 'unkeyed-entry', 'unsealed', 'seal-mismatch', 'truncated', 'checkpoint-mismatch', 'checkpoint-invalid'];

/** One entry of the tenant's hash-chained audit log. */
export class AuditEntryResponse {
  @ApiProperty({ description: 'row id (a bigint, as a string)', example: '1042' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "null: the platform's own chain", example: '3f2b8c1e-6d4a-4e7b-9a51-0c8f2d7e4b19' })
  tenantId: string | null;

  @ApiProperty({ description: "the entry's place in the tenant's chain (a bigint, as a string): page backwards with beforeSeq", example: '57' })
  seq: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T10:15:00.000Z' })
  at: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the staff member, null for the system or a data subject', example: '9c1d7e2a-4b3f-4a8e-8d6c-5e2f1a0b7c93' })
  actorId: string | null;

  @ApiProperty({ example: 'admin@medical-management.demo (compliance-admin)' })
  actor: string;

  @ApiProperty({ example: 'register.versioned' })
  action: string;

  @ApiProperty({ type: String, nullable: true, example: 'register' })
  targetType: string | null;

  @ApiProperty({ type: String, nullable: true, example: '6a1f0c2e-8b3d-4e5f-9a7b-1c2d3e4f5a6b' })
  targetId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the action changed (never personal data beyond what the action needs)', example: { key: 'log-data', version: 2, retentionChanged: false } })
  details: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true, example: '198.51.100.7' })
  ip: string | null;

  @ApiProperty({ description: "the previous entry's hash", example: HASH })
  prevHash: string;

  @ApiProperty({ type: String, nullable: true, description: 'the key whose HMAC `hash` is; null: an entry from before the chain was keyed', example: 'k1' })
  keyId: string | null;

  @ApiProperty({ example: HASH })
  hash: string;
}

/** Whether the whole chain holds, or where it first breaks. */
export class AuditVerifyResponse {
  @ApiProperty({ example: true })
  ok: boolean;

  @ApiProperty({ type: 'integer', description: 'entries the verdict covers', example: 57 })
  entries: number;

  @ApiPropertyOptional({ description: "the last entry's hash (when ok)", example: HASH })
  lastHash?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'verified from this entry on (0: from the first; when ok)', example: 0 })
  from?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'entries read for this verification (when ok)', example: 57 })
  read?: number;

  @ApiPropertyOptional({ type: 'integer', description: 'the first broken entry (when not ok)', example: 12 })
  brokenAt?: number;

  @ApiPropertyOptional({ enum: CHAIN_BREAKS, description: 'how it broke (when not ok)', example: 'hash-mismatch' })
  reason?: string;
}
