import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ObjectionKind = 'objection' | 'direct-marketing' | 'automated-decisions' | 'restriction';

/**
 * A flag processing honours: an objection (Art. 21), to direct marketing
 * (Art. 21(2)-(3), always honoured at once), to automated decisions (Art. 22)
 * or a restriction (Art. 18), for a whole register or one purpose.
 */
@Entity({ name: 'processing_objections' })
export class ProcessingObjectionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column({ type: 'text' }) kind: ObjectionKind;
  /** Null: every register of the tenant. */
  @Column({ name: 'register_key', type: 'text', nullable: true }) registerKey: string | null;
  @Column({ name: 'purpose_id', type: 'text', nullable: true }) purposeId: string | null;
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'effective_at', type: 'timestamptz' }) effectiveAt: Date;
  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true }) liftedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
