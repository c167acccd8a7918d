import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a tenant's hash-chained audit log (tenant null: the platform's chain). */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ type: 'bigint' }) seq: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) actor: string;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'target_type', type: 'text', nullable: true }) targetType: string | null;
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId: string | null;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ name: 'prev_hash', type: 'char', length: 64 }) prevHash: string;
  /** The key whose HMAC `hash` is (AuditKeys); null: an entry from before the chain was keyed (plain SHA-256, sealed). */
  @Column({ name: 'key_id', type: 'text', nullable: true }) keyId: string | null;
  @Column({ type: 'char', length: 64 }) hash: string;
}
