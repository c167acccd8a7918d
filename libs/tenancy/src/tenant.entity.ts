import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A data controller. Public facts only: its registers live in `registers`. */
@Entity({ name: 'tenants' })
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) slug: string;
  @Column({ name: 'legal_name', type: 'text' }) legalName: string;
  @Column({ type: 'char', length: 2 }) country: string;
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  /** The controller definition without its registers. */
  @Column({ type: 'jsonb' }) definition: Record<string, unknown>;
  @Column({ name: 'definition_hash', type: 'char', length: 64 }) definitionHash: string;
  /** The facts' hash `tenants sync` last wrote from the definition file; null: a controller created at run time. */
  @Column({ name: 'seed_hash', type: 'text', nullable: true }) seedHash: string | null;
  /**
   * Set while a platform admin has suspended the controller: its public pages
   * send requests to it directly, REST and dashboard writes stop (exports go
   * on), while deadlines, reminders and retention keep running.
   */
  @Column({ name: 'suspended_at', type: 'timestamptz', nullable: true }) suspendedAt: Date | null;
  /** Why, as the platform admin wrote it (internal: never shown on a public page). */
  @Column({ name: 'suspension_reason', type: 'text', nullable: true }) suspensionReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
