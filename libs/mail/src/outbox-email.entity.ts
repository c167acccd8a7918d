import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every e-mail Regula sends: rendered from a Handlebars template of the tenant
 * and language, then sent by SMTP when configured, otherwise kept here as the
 * outbox the admin reads.
 */
@Entity({ name: 'outbox_emails' })
export class OutboxEmailEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Null: an e-mail of the platform itself, to the platform admins (MailService.sendToPlatform). */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'to_address', type: 'text' }) to: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ name: 'body_text', type: 'text' }) text: string;
  @Column({ name: 'body_html', type: 'text' }) html: string;
  @Column({ type: 'text' }) template: string;
  @Column({ type: 'text' }) locale: string;
  /** 'outbox': kept for the admin (no SMTP); 'pending' -> 'sent' | 'failed' with SMTP. */
  @Column({ type: 'text' }) status: 'outbox' | 'pending' | 'sent' | 'failed';
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
