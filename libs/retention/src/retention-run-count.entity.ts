import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A run's counts for one register and data category. */
@Entity({ name: 'retention_run_counts' })
export class RetentionRunCountEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' }) runId: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ name: 'register_key', type: 'text' }) registerKey: string;
  @PrimaryColumn({ name: 'category_id', type: 'text' }) categoryId: string;
  @Column({ type: 'int' }) erased: number;
  @Column({ type: 'int' }) anonymised: number;
  @Column({ name: 'skipped_legal_hold', type: 'int' }) skippedLegalHold: number;
  @Column({ name: 'skipped_open_request', type: 'int' }) skippedOpenRequest: number;
  @Column({ name: 'skipped_restriction', type: 'int' }) skippedRestriction: number;
}
