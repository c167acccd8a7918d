import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type WebhookEvent = 'record.erased' | 'record.rectified' | 'record.restricted' | 'subject.objected' | 'consent.withdrawn' | 'consent.renewal-required';

/**
 * The outbox of signed webhooks to source systems: written in the same
 * transaction as the change it reports, delivered with retries, so nothing is
 * lost when a system is down.
 */
@Entity({ name: 'webhook_deliveries' })
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'source_system_id', type: 'uuid' }) sourceSystemId: string;
  @Column({ type: 'text' }) event: WebhookEvent;
  /** Ids and, for rectifications, the corrected value: what the system needs to act. */
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'text', default: 'pending' }) status: 'pending' | 'delivered' | 'failed';
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
