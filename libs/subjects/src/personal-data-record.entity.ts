import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AnchorEvent } from '@regula/engine';

/**
 * One piece of personal data a tenant's system pushed: which subject, which
 * register and data category it belongs to (validated against the tenant's
 * registers), its value, and the anchor events retention runs from.
 */
@Entity({ name: 'personal_data_records' })
export class PersonalDataRecordEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ name: 'source_system_id', type: 'uuid' }) sourceSystemId: string;
  /** The system's own id of the record: ingest is idempotent on (system, externalId). */
  @Column({ name: 'external_id', type: 'text' }) externalId: string;
  @Column({ name: 'register_key', type: 'text' }) registerKey: string;
  @Column({ name: 'category_id', type: 'text' }) categoryId: string;
  /** The data itself; null once erased. */
  @Column({ type: 'jsonb', nullable: true }) value: unknown;
  @Column({ name: 'collected_at', type: 'timestamptz' }) collectedAt: Date;
  /** Timestamps (ISO) of the anchor events that have happened: contract-ended, account-closed... */
  @Column({ type: 'jsonb', default: {} }) anchors: Partial<Record<AnchorEvent, string>>;
  /** When retention requires erasure/anonymisation (computed from the register's rule). */
  @Column({ name: 'retention_due_at', type: 'timestamptz', nullable: true }) retentionDueAt: Date | null;
  /** Processing restricted (Art. 18) or kept only for a legal obligation after an erasure request. */
  @Column({ name: 'restricted_at', type: 'timestamptz', nullable: true }) restrictedAt: Date | null;
  @Column({ name: 'restriction_reason', type: 'text', nullable: true }) restrictionReason: string | null;
  /** A legal hold stops erasure (litigation, authority order). */
  @Column({ name: 'legal_hold', type: 'boolean', default: false }) legalHold: boolean;
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
