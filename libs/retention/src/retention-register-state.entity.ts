import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The retention rules (hash) a register's stored due dates were last recomputed from. */
@Entity({ name: 'retention_register_states' })
export class RetentionRegisterStateEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @PrimaryColumn({ name: 'register_key', type: 'text' }) registerKey: string;
  @Column({ name: 'rules_hash', type: 'char', length: 64 }) rulesHash: string;
  @Column({ name: 'recomputed_at', type: 'timestamptz' }) recomputedAt: Date;
}
