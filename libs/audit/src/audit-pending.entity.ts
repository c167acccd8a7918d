import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An audit entry committed with its change but not yet in the tenant's chain
 * (a one-trip unit of work cannot take the chain's lock): the next append to
 * the chain takes it in first, in the order the entries were written
 * (audit.service.ts). Rows live here for the few milliseconds until then.
 */
@Entity({ name: 'audit_pending' })
export class AuditPendingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) actor: string;
  @Column({ type: 'text' }) action: string;
  @Column({ name: 'target_type', type: 'text', nullable: true }) targetType: string | null;
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId: string | null;
  @Column({ type: 'jsonb' }) details: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) ip: string | null;
}
