import { AfterLoad, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, ValueTransformer } from 'typeorm';
import { renderStored } from './render-later';
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
 * a fresh secret in the message it sends. An e-mail of a web filing is
 * rendered by the worker that sends it (`renderInput` until then): read
 * through the entity before that, it is rendered on load, so every reader
 * sees the message whichever way it was written.
 */
@Entity({ name: 'outbox_emails' })
export class OutboxEmailEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Null: an e-mail of the platform to its admins (read and written in the platform scope only). */
  @Column({ name: 'tenant_id', type: 'uuid', nullable: true }) tenantId: string | null;
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column({ name: 'to_address', type: 'text' }) to: string;
  /** Null while the e-mail waits for the worker to render it (`renderInput`); filled on load. */
  @Column({ type: 'text', nullable: true, transformer: REDACTED_ON_READ }) subject: string;
  @Column({ name: 'body_text', type: 'text', nullable: true, transformer: REDACTED_ON_READ }) text: string;
  @Column({ name: 'body_html', type: 'text', nullable: true, transformer: REDACTED_ON_READ }) html: string;
  /** What the worker renders the e-mail from (render-later.ts); null once rendered. Select it with the message: read, it is rendered and dropped. */
  @Column({ name: 'render_input', type: 'jsonb', nullable: true }) renderInput: Record<string, unknown> | null;
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

  /**
   * A message not rendered yet is rendered for its reader: only the parts the
   * reader selected (null, not undefined). The input itself never leaves the
   * entity (it holds the secrets' placeholders): a reader gets the message.
   */
  @AfterLoad()
  protected renderForReader(): void {
    const input = this.renderInput;
    delete (this as Partial<OutboxEmailEntity>).renderInput;
    if (!input || (this.subject !== null && this.text !== null && this.html !== null)) return;
    const r = renderStored(input);
    if (this.subject === null) this.subject = redactSecrets(r.subject);
    if (this.text === null) this.text = redactSecrets(r.text);
    if (this.html === null) this.html = redactSecrets(r.html);
  }
}
