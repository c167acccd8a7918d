import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';
import { redactSecrets, StoredMailSecrets } from './secrets/mail-secrets';

/**
 * Whoever reads an e-mail through the entity (the outbox, a request's
 * e-mails, compliance admins included) sees its secrets redacted; only the
 * delivery worker reads the stored placeholders, to fill them when it sends.
 */
const REDACTED_ON_READ: ValueTransformer = {
  to: (v: unknown) => v,
  from: (v: unknown) => (typeof v === 'string' ? redactSecrets(v) : v),
};

/**
 * Every e-mail Regula sends: rendered from a Handlebars template of the tenant
 * and language, then sent by SMTP when configured, otherwise kept here as the
 * outbox the admin reads. A code or a link's token is never stored: the row
 * holds a placeholder (`secrets` says which kinds) that the worker fills with
 * a fresh secret in the message it sends.
 */
@Entity({ name: 'outbox_emails' })
export class OutboxEmailEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Null: an e-mail of the platform to its admins (read and written in the platform scope only). */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'to_address', type: 'text' }) to: string;
  @Column({ type: 'text', transformer: REDACTED_ON_READ }) subject: string;
  @Column({ name: 'body_text', type: 'text', transformer: REDACTED_ON_READ }) text: string;
  @Column({ name: 'body_html', type: 'text', transformer: REDACTED_ON_READ }) html: string;
  @Column({ type: 'text' }) template: string;
  @Column({ type: 'text' }) locale: string;
  /** 'outbox': kept for the admin (no SMTP); 'pending' -> 'sent' | 'failed' with SMTP. */
  @Column({ type: 'text' }) status: 'outbox' | 'pending' | 'sent' | 'failed';
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  /** The secrets the worker mints when it sends (kinds and the placeholders' nonce); null: none. */
  @Column({ type: 'jsonb', nullable: true, select: false }) secrets: StoredMailSecrets | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
