import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A tenant's own system that pushes personal data into Regula (CRM, client
 * portal, newsletter tool, office video system) and is told of erasures and
 * rectifications through a signed webhook.
 */
@Entity({ name: 'source_systems' })
export class SourceSystemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  /** Short name, unique in the tenant: 'crm', 'portal'... (registers list them in `systems`). */
  @Column({ type: 'text' }) name: string;
  /** Public part of the API key (`rk_<keyId>.<secret>`), used to find the key. */
  @Column({ name: 'key_id', type: 'text', unique: true }) keyId: string;
  /** SHA-256 of the secret part (a 256-bit random value, so a fast hash is enough). */
  @Column({ name: 'key_hash', type: 'char', length: 64, select: false }) keyHash: string;
  /** Where erasure/rectification events are POSTed; null: the system polls instead. */
  @Column({ name: 'webhook_url', type: 'text', nullable: true }) webhookUrl: string | null;
  /** HMAC-SHA256 key of the webhook signatures (shared with the system). */
  @Column({ name: 'webhook_secret', type: 'text', select: false }) webhookSecret: string;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
