import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A processing activity of a tenant; its content lives in versions. */
@Entity({ name: 'registers' })
export class RegisterEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** The register's id in the controller definition. */
  @Column({ type: 'text' }) key: string;
  @Column({ name: 'current_version', type: 'int' }) currentVersion: number;
  /** Its place in the controller definition (notices and exports list registers in this order). */
  @Column({ type: 'int', default: 0 }) position: number;
  /** Set when the register disappeared from the definition (kept for history). */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  /** Why it was retired, when a person retired it in the dashboard (null when `tenants sync` did). */
  @Column({ name: 'retired_reason', type: 'text', nullable: true }) retiredReason: string | null;
  /** The content hash `tenants sync` last wrote from the definition file; null: created in the dashboard (TenantSyncService). */
  @Column({ name: 'seed_hash', type: 'text', nullable: true }) seedHash: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
