import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { EntityManager, IsNull } from 'typeorm';
import { APP_CONFIG, CommonConfig, TenantDb } from '@regula/platform';
import { OutboxEmailEntity } from './outbox-email.entity';

export type DeliveryResult = 'sent' | 'already-sent' | 'not-pending' | 'missing';

/** Not in the database (yet): the caller's transaction may still be committing; retried. */
export class EmailNotCommittedError extends Error {}

/**
 * Sends one e-mail of the outbox by SMTP (the worker's `send-email` job).
 * Reloads the row, sends, and records `sent` or the error; the job's retries
 * with backoff call it again, and the last failure marks it `failed`.
 * Running it again after success changes nothing.
 */
@Injectable()
export class MailDeliveryService implements OnModuleDestroy {
  private readonly logger = new Logger('mail-delivery');
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly cfg: CommonConfig, private readonly db: TenantDb) {}

  private transporter(): Transporter {
    if (!this.cfg.SMTP_URL) throw new Error('SMTP_URL is not set: e-mails stay in the outbox');
    this.transport ??= nodemailer.createTransport(this.cfg.SMTP_URL);
    return this.transport;
  }

  /** The e-mail's scope: its tenant's, or the platform's for a platform e-mail (tenantId null). */
  private scoped<T>(tenantId: string | null, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return tenantId === null ? this.db.forPlatform(work) : this.db.forTenant(tenantId, work);
  }

  async deliver(tenantId: string | null, emailId: string, opts: { finalAttempt: boolean; mayBeUncommitted: boolean }): Promise<DeliveryResult> {
    const email = await this.scoped(tenantId, (em) => em.findOne(OutboxEmailEntity, { where: { id: emailId, tenantId: tenantId ?? IsNull() } }));
    if (!email) {
      if (opts.mayBeUncommitted) throw new EmailNotCommittedError(`e-mail ${emailId} not found (yet)`);
      return 'missing';
    }
    if (email.status === 'sent') return 'already-sent';
    if (email.status === 'outbox') return 'not-pending';
    try {
      await this.transporter().sendMail({
        from: this.cfg.MAIL_FROM,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
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
