import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RetentionRunStatus = 'running' | 'completed' | 'failed';
export type RetentionTrigger = 'schedule' | 'manual';

/**
 * One retention sweep of one tenant: the records due at `cutoff` are erased
 * or anonymised in batches; every batch adds its counts here in its own
 * transaction, so the totals always equal what was committed.
 */
@Entity({ name: 'retention_runs' })
export class RetentionRunEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'text' }) trigger: RetentionTrigger;
  @Column({ name: 'requested_by', type: 'text' }) requestedBy: string;
  /** Scheduled runs: 'daily:YYYY-MM-DD', so a repeated daily job starts no second run. */
  @Column({ name: 'dedupe_key', type: 'text', nullable: true }) dedupeKey: string | null;
  @Column({ type: 'text' }) status: RetentionRunStatus;
  /** Records due at or before this instant are swept. */
  @Column({ type: 'timestamptz' }) cutoff: Date;
  /** Records per batch (one transaction each). */
  @Column({ name: 'batch_size', type: 'int' }) batchSize: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column({ type: 'int' }) batches: number;
  @Column({ name: 'records_erased', type: 'int' }) recordsErased: number;
  @Column({ name: 'records_anonymised', type: 'int' }) recordsAnonymised: number;
  @Column({ name: 'records_skipped_protected', type: 'int' }) recordsSkippedProtected: number;
  @Column({ type: 'text', nullable: true }) error: string | null;
}
