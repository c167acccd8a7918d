import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed checkpoint of an audit chain (AuditCheckpoint), where verification resumes. */
@Entity({ name: 'audit_checkpoints' })
export class AuditCheckpointEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ type: 'text' }) kind: 'seal' | 'head';
  @Column({ type: 'bigint' }) seq: string;
  @Column({ type: 'char', length: 64 }) hash: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @Column({ type: 'char', length: 64 }) mac: string;
}
