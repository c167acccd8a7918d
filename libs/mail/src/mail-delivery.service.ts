import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, CommonConfig, TenantDb } from '@regula/platform';
import { OutboxEmailEntity } from './outbox-email.entity';
import { MailSecretMinters } from './secrets/mail-secret-minters';
import { fillSecrets, StoredMailSecrets } from './secrets/mail-secrets';
import { renderStored } from './render-later';

export type DeliveryResult = 'sent' | 'already-sent' | 'not-pending' | 'missing';

/** Not in the database (yet): the caller's transaction may still be committing; retried. */
export class EmailNotCommittedError extends Error {}

/** The row as stored: the message with its placeholders (the entity shows them redacted). */
interface StoredEmail {
  id: string;
  requestId: string | null;
  to: string;
  /** Null with renderInput: rendered here, before it is sent (render-later.ts). */
  subject: string | null;
  text: string | null;
  html: string | null;
  renderInput: Record<string, unknown> | null;
  status: OutboxEmailEntity['status'];
  attempts: number;
  secrets: StoredMailSecrets | null;
}

async function loadStored(em: EntityManager, tenantId: string | null, emailId: string): Promise<StoredEmail | null> {
  const [row] = (await em.query(
    `SELECT id, request_id AS "requestId", to_address AS "to", subject, body_text AS "text", body_html AS "html", render_input AS "renderInput", status, attempts, secrets
       FROM outbox_emails WHERE id = $1 AND tenant_id IS NOT DISTINCT FROM $2::uuid`,
    [emailId, tenantId],
  )) as StoredEmail[];
  return row ?? null;
}

/**
 * Sends one e-mail of the outbox by SMTP (the worker's `send-email` job).
 * Reloads the row; mints its secrets (each attempt a fresh one, whose hash
 * replaces the last attempt's, committed before the e-mail leaves: a crash
 * at any point leaves a row that sends again, with a secret that works);
 * sends, and records `sent` or the error; the job's retries with backoff call
 * it again, and the last failure marks it `failed`. Running it again after
 * success changes nothing.
 */
@Injectable()
export class MailDeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger('mail-delivery');
  private transport: Transporter | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: CommonConfig,
    private readonly db: TenantDb,
    private readonly minters: MailSecretMinters,
  ) {}

  private transporter(): Transporter {
    if (!this.cfg.SMTP_URL) throw new Error('SMTP_URL is not set: e-mails stay in the outbox');
    this.transport ??= nodemailer.createTransport(this.cfg.SMTP_URL);
    return this.transport;
  }

  /** The e-mail's scope: its tenant's, or the platform's for a platform e-mail (tenantId null). */
  private scoped<T>(tenantId: string | null, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return tenantId === null ? this.db.forPlatform(work) : this.db.forTenant(tenantId, work);
  }

  /**
   * The message as stored: an e-mail written to be rendered later (a web filing's) is
   * rendered now and stored rendered, as every reader sees it from then on.
   */
  private async rendered(tenantId: string | null, email: StoredEmail): Promise<{ subject: string; text: string; html: string }> {
    if (email.subject !== null && email.text !== null && email.html !== null) return { subject: email.subject, text: email.text, html: email.html };
    if (!email.renderInput) throw new Error(`e-mail ${email.id} has neither a message nor what to render it from`);
    const r = renderStored(email.renderInput);
    await this.scoped(tenantId, (em) =>
      em.query(`UPDATE outbox_emails SET subject = $2, body_text = $3, body_html = $4, render_input = NULL WHERE id = $1 AND render_input IS NOT NULL`, [email.id, r.subject, r.text, r.html]),
    );
    return r;
  }

  /** The message as it leaves: placeholders filled with secrets minted now (their hashes committed first). */
  private async outgoing(tenantId: string | null, email: StoredEmail): Promise<{ subject: string; text: string; html: string }> {
    const message = await this.rendered(tenantId, email);
    const stored = email.secrets;
    if (!stored?.kinds?.length) return message;
    const values = await this.scoped(tenantId, (em) => this.minters.mintAll(em, { emailId: email.id, tenantId, requestId: email.requestId, to: email.to }, stored.kinds));
    return { subject: fillSecrets(message.subject, stored, values), text: fillSecrets(message.text, stored, values), html: fillSecrets(message.html, stored, values) };
  }

  /** `tenantId` null: an e-mail of the platform (read and updated in the platform scope). */
  async deliver(tenantId: string | null, emailId: string, opts: { finalAttempt: boolean; mayBeUncommitted: boolean }): Promise<DeliveryResult> {
    const email = await this.scoped(tenantId, (em) => loadStored(em, tenantId, emailId));
    if (!email) {
      if (opts.mayBeUncommitted) throw new EmailNotCommittedError(`e-mail ${emailId} not found (yet)`);
      return 'missing';
    }
    if (email.status === 'sent') return 'already-sent';
    if (email.status === 'outbox') return 'not-pending';
    try {
      // The transport first: a process that cannot send mints nothing.
      const transport = this.transporter();
      const message = await this.outgoing(tenantId, email);
      await transport.sendMail({
        from: this.cfg.MAIL_FROM,
        to: email.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { 'X-Regula-Email-Id': email.id },
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      await this.scoped(tenantId, (em) =>
        em.update(OutboxEmailEntity, { id: emailId }, { attempts: email.attempts + 1, lastError: message.slice(0, 2000), status: opts.finalAttempt ? 'failed' : 'pending' }),
      );
      this.logger.warn(`e-mail ${emailId}: ${message}${opts.finalAttempt ? ' (giving up)' : ' (will retry)'}`);
      throw e;
    }
    await this.scoped(tenantId, (em) => em.update(OutboxEmailEntity, { id: emailId }, { status: 'sent', sentAt: new Date(), attempts: email.attempts + 1, lastError: null }));
    return 'sent';
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
