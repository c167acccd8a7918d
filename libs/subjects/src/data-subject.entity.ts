import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A natural person whose data a tenant holds in Regula. */
@Entity({ name: 'data_subjects' })
export class DataSubjectEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'display_name', type: 'text', nullable: true }) displayName: string | null;
  /** Preferred language for messages ('lv', 'en'...). */
  @Column({ type: 'text', nullable: true }) locale: string | null;
  /** Set when all of the subject's data was erased (the row keeps only ids). */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
