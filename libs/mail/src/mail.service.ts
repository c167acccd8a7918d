import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AfterCommit, APP_CONFIG, CommonConfig, insertRows, JobData, JobProducer, oneTripWritesOf } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { OutboxEmailEntity } from './outbox-email.entity';
import { brandingOf, MailBranding, PLATFORM_BRANDING } from './mail-branding';
import { MailRenderer, MailTemplate, PlatformMailTemplate } from './mail-renderer';
import { MailSecrets } from './secrets/mail-secrets';
import { renderChecked, sharedMailRenderer, storedRenderInput } from './render-later';

export interface SendMailInput {
  tenantId: string;
  requestId?: string | null;
  to: string;
  template: MailTemplate;
  /** The request's language; English when Regula does not write that one. */
  locale: string;
  /** Template data; everything in it is escaped when rendered. */
  data: Record<string, unknown>;
  /** The secrets whose placeholders `data` carries: minted by the worker when it sends, never stored. */
  secrets?: MailSecrets;
  /** The tenant's branding when the caller has read the tenant already (else it is read here). */
  branding?: MailBranding;
}

export interface SendPlatformMailInput {
  to: string;
  template: PlatformMailTemplate;
  locale: string;
  data: Record<string, unknown>;
  /** As in SendMailInput. */
  secrets?: MailSecrets;
}

/**
 * Writes every e-mail Regula sends into `outbox_emails`, rendered from the
 * tenant's or the shared Handlebars template, in the caller's transaction:
 * status `outbox` when no SMTP server is configured (the admin reads it),
 * otherwise `pending` plus a `send-email` job (jobId = the e-mail id), added
 * once the caller's transaction has committed, that the worker sends with nodemailer.
 * A web filing's e-mails (a one-trip unit's, with SMTP) are rendered by that
 * worker instead: the row holds what to render them from (render-later.ts),
 * and the worker queues their jobs when it hears the insert commit
 * (OutboxWakeListener): neither rendering nor Redis is on the filing's path
 * (issue 16 §2).
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('mail');
  readonly renderer = sharedMailRenderer();

  constructor(
    @Inject(APP_CONFIG) private readonly cfg: CommonConfig,
    private readonly jobs: JobProducer,
    private readonly afterCommit: AfterCommit,
  ) {}

  private lastCreatedAt = 0;

  /** Strictly increasing per process, so that e-mails written in one transaction keep their order. */
  private createdAt(): Date {
    this.lastCreatedAt = Math.max(Date.now(), this.lastCreatedAt + 1);
    return new Date(this.lastCreatedAt);
  }

  get smtpEnabled(): boolean {
    return !!this.cfg.SMTP_URL;
  }

  async send(em: EntityManager, input: SendMailInput): Promise<OutboxEmailEntity> {
    if (input.branding) return this.write(em, input.branding, input.tenantId, input);
    const tenant = await em.findOne(TenantEntity, { where: { id: input.tenantId } });
    if (!tenant) throw new Error(`no tenant ${input.tenantId}`);
    return this.write(em, brandingOf(tenant), input.tenantId, input);
  }

  /** An e-mail of the platform to a platform admin: `em` must be a platform-scope transaction (TenantDb.forPlatform). */
  sendToPlatformAdmin(em: EntityManager, input: SendPlatformMailInput): Promise<OutboxEmailEntity> {
    return this.write(em, PLATFORM_BRANDING, null, input);
  }

  private async write(
    em: EntityManager,
    branding: MailBranding,
    tenantId: string | null,
    input: { requestId?: string | null; to: string; template: MailTemplate; locale: string; data: Record<string, unknown>; secrets?: MailSecrets },
  ): Promise<OutboxEmailEntity> {
    const to = input.to.trim();
    if (!/^[^\s@<>,;"]+@[^\s@<>,;"]+$/.test(to)) throw new Error('invalid recipient address');
    const what = { branding, template: input.template, locale: input.locale, data: input.data };
    const later = this.smtpEnabled && !!oneTripWritesOf(em) && this.renderer.knows(branding, input.template);
    const rendered = later ? null : renderChecked(this.renderer, what);
    const [row] = await insertRows(em, OutboxEmailEntity, [
      em.create(OutboxEmailEntity, {
        tenantId,
        requestId: input.requestId ?? null,
        to,
        subject: rendered?.subject ?? null,
        text: rendered?.text ?? null,
        html: rendered?.html ?? null,
        renderInput: rendered ? null : storedRenderInput(what),
        template: input.template,
        locale: MailRenderer.langOf(input.locale),
        status: this.smtpEnabled ? 'pending' : 'outbox',
        attempts: 0,
        lastError: null,
        sentAt: null,
        secrets: input.secrets?.toStored() ?? null,
        createdAt: this.createdAt(),
      } as Partial<OutboxEmailEntity>),
    ]);
    if (this.smtpEnabled) {
      const data: JobData<'send-email'> = { tenantId, emailId: row.id };
      // Only once the row is committed; a rollback drops the job with the row. One rendered later
      // gets its job from the worker that hears its insert (OutboxWakeListener, migration 1764600079001).
      if (!later) await this.afterCommit.run(em, () => this.jobs.add('send-email', data, { jobId: row.id }));
      this.logger.debug(`queued e-mail ${row.id} (${input.template})`);
    }
    return row;
  }
}
