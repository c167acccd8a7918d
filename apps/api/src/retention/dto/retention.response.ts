import { ApiProperty } from '@nestjs/swagger';
import { RetentionRunStatus, RetentionTrigger } from '@regula/retention';

const RUN_STATUSES: RetentionRunStatus[] = ['running', 'completed', 'failed'];
const TRIGGERS: RetentionTrigger[] = ['schedule', 'manual'];
const uuid = (example: string) => ({ format: 'uuid', example });

/** A retention run with its totals. */
export class RetentionRunResponse {
  @ApiProperty(uuid('5c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f')) id: string;
  @ApiProperty(uuid('0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e')) tenantId: string;
  @ApiProperty({ enum: TRIGGERS, example: 'manual' }) trigger: RetentionTrigger;
  @ApiProperty({ description: 'Who started it (the scheduler, or a member)', example: 'compliance@medical-management.example (compliance-admin)' }) requestedBy: string;
  @ApiProperty({ type: String, nullable: true, description: "A scheduled run's day ('daily:YYYY-MM-DD'); null for a manual one", example: null }) dedupeKey: string | null;
  @ApiProperty({ enum: RUN_STATUSES, example: 'completed' }) status: RetentionRunStatus;
  @ApiProperty({ type: String, format: 'date-time', description: 'Records due at or before this instant are swept', example: '2026-11-20T02:30:00.000Z' }) cutoff: string;
  @ApiProperty({ type: 'integer', description: 'Records per batch (one transaction each)', example: 500 }) batchSize: number;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-11-20T02:30:00.000Z' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-11-20T02:30:04.000Z' }) finishedAt: string | null;
  @ApiProperty({ type: 'integer', minimum: 0, example: 1 }) batches: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 12 }) recordsErased: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 3 }) recordsAnonymised: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) recordsSkippedProtected: number;
  @ApiProperty({ type: String, nullable: true, description: "A failed run's error", example: null }) error: string | null;
}

/** A run's counts for one register and data category. */
export class RetentionRunCountResponse {
  @ApiProperty(uuid('5c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f')) runId: string;
  @ApiProperty(uuid('0b9c8d7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e')) tenantId: string;
  @ApiProperty({ example: 'direct-marketing' }) registerKey: string;
  @ApiProperty({ example: 'marketing-contact' }) categoryId: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 12 }) erased: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) anonymised: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) skippedLegalHold: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) skippedOpenRequest: number;
  @ApiProperty({ type: 'integer', minimum: 0, example: 0 }) skippedRestriction: number;
}

/** One run with its counts per register and data category. */
export class RetentionRunDetailResponse extends RetentionRunResponse {
  @ApiProperty({ type: () => [RetentionRunCountResponse] }) counts: RetentionRunCountResponse[];
}

/** The run started, or the one already running. */
export class RetentionRunStartedResponse {
  @ApiProperty(uuid('5c1d2e3f-4a5b-4c6d-9e7f-8a9b0c1d2e3f')) id: string;
  @ApiProperty({ enum: RUN_STATUSES, example: 'running' }) status: RetentionRunStatus;
  @ApiProperty({ description: 'false: a run was already running and is answered instead', example: true }) created: boolean;
}

/** Records due at a date for one register and category, and what protects those that are kept. */
export class RetentionDueResponse {
  @ApiProperty({ example: 'direct-marketing' }) register: string;
  @ApiProperty({ example: 'marketing-contact' }) category: string;
  @ApiProperty({ type: 'integer', minimum: 0, example: 14 }) due: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Kept: a legal hold', example: 1 }) legalHold: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Kept: an open request concerns the subject', example: 1 }) openRequest: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Kept: processing is restricted', example: 0 }) restriction: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'What a run would erase or anonymise', example: 12 }) erasable: number;
}

/** A record's legal hold after the call. */
export class RetentionLegalHoldResponse {
  @ApiProperty(uuid('9a7e6c2d-1b3f-4c5d-8e9f-0a1b2c3d4e5f')) id: string;
  @ApiProperty({ example: true }) legalHold: boolean;
  @ApiProperty({ description: 'false: the record was already so (nothing audited)', example: true }) changed: boolean;
}
