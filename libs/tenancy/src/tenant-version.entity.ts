import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An immutable version of a controller's facts (`tenants.definition`, its
 * registers apart), valid from `validFrom` until `validTo`: an export as of a
 * past date states the controller as it was that day. Exactly one per tenant
 * is current; `tenants.definition` holds the same facts as the current one.
 */
@Entity({ name: 'tenant_versions' })
export class TenantVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'jsonb' }) definition: Record<string, unknown>;
  @Column({ name: 'definition_hash', type: 'char', length: 64 }) definitionHash: string;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom: Date;
  @Column({ name: 'valid_to', type: 'timestamptz', nullable: true }) validTo: Date | null;
  @Column({ name: 'is_current', type: 'boolean' }) isCurrent: boolean;
  @Column({ type: 'text' }) author: string;
  @Column({ name: 'change_summary', type: 'text', nullable: true }) changeSummary: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
