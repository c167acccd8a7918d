import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailSecrets, MailService, MailTemplate, OutboxEmailEntity, RenderedMail } from '@regula/mail';
import { APP_CONFIG, CommonConfig, publicBaseUrl } from '@regula/platform';
import { REQUEST_EMAIL_CODE, REQUEST_LINK_TOKEN } from './mail-secrets/request-mail-secrets';
import { typeLabel } from './request-labels';
import { RequestLinks, requestLinks } from './request-links';
import { CODE_TTL_MINUTES } from './request-secrets';
import { RightsRequestEntity } from './rights-request.entity';
import { TenantFacts, authorityView } from './tenant-facts';

/**
 * Tells the subject, by e-mail in the request's language, what happened to
 * the request: every template gets the reference, the type, the dates, the
 * status link and the supervisory authority; `extra` adds the rest. The
 * e-mail is written in the caller's transaction (MailService). A link's
 * token and the e-mail code are not known here: the e-mail carries
 * placeholders that the worker fills with fresh secrets when it sends it.
 * A subject without an e-mail address (a request recorded from a letter, a
 * call or a visit) gets no e-mail at all, hence no status link and no code:
 * every method returns null for them and the admin answers by post or in person.
 */
@Injectable()
export class RequestNotifier {
  readonly links: RequestLinks;

  constructor(private readonly mail: MailService, @Inject(APP_CONFIG) cfg: CommonConfig & { PORT?: number }) {
    this.links = requestLinks(publicBaseUrl(cfg));
  }

  /** `statusLink`: the status URL carries a token of its own, minted when the e-mail is sent (only the first e-mails do). */
  notify(
    em: EntityManager,
    facts: TenantFacts,
    req: RightsRequestEntity,
    template: MailTemplate,
    extra: Record<string, unknown> = {},
    opts: { statusLink?: boolean } = {},
  ): Promise<OutboxEmailEntity | null> {
    if (!opts.statusLink) return this.write(em, facts, req, template, extra);
    const secrets = new MailSecrets();
    return this.write(em, facts, req, template, extra, { secrets, linkToken: secrets.placeholder(REQUEST_LINK_TOKEN) });
  }

  /** The e-mail code, in its own e-mail with a status link; valid CODE_TTL_MINUTES from when it is sent (`now` at the earliest). */
  async sendCode(em: EntityManager, facts: TenantFacts, req: RightsRequestEntity, now: Date): Promise<OutboxEmailEntity | null> {
    if (!req.requesterEmail) return null;
    const secrets = new MailSecrets();
    const linkToken = secrets.placeholder(REQUEST_LINK_TOKEN);
    const code = secrets.placeholder(REQUEST_EMAIL_CODE);
    return this.write(em, facts, req, 'verify-email', {
      code, minutes: CODE_TTL_MINUTES, expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000), verifyUrl: this.links.verifyUrl(facts.slug, req.reference, linkToken, code),
    }, { secrets, linkToken });
  }

  /** An e-mail carrying secrets minted when it is sent (a download code); the status link in it gets its own token. */
  sendWithSecrets(em: EntityManager, facts: TenantFacts, req: RightsRequestEntity, template: MailTemplate, link: { secrets: MailSecrets; linkToken: string }, extra: Record<string, unknown>): Promise<OutboxEmailEntity | null> {
    return this.write(em, facts, req, template, extra, link);
  }

  /**
   * The same template written as a letter for a subject without an e-mail
   * address (sent by post by the admin): the letter head names the subject and
   * their postal address, dated `at`; the text says to answer by post or in person.
   */
  async renderLetter(em: EntityManager, facts: TenantFacts, req: RightsRequestEntity, template: MailTemplate, extra: Record<string, unknown>, at: Date): Promise<RenderedMail> {
    const letter = { name: req.requesterName, address: req.requesterAddress, date: at };
    return this.mail.renderer.render(facts.branding, template, req.locale, { ...this.dataOf(facts, req, extra), letter });
  }

  /** What every template gets: the reference, the type, the dates, the status link, the supervisory authority; `extra` adds the rest. */
  private dataOf(facts: TenantFacts, req: RightsRequestEntity, extra: Record<string, unknown>, linkToken?: string): Record<string, unknown> {
    return {
      name: req.requesterName,
      reference: req.reference,
      type: req.type,
      typeLabel: typeLabel(req.type, req.locale),
      receivedAt: req.receivedAt,
      dueDate: req.dueDate,
      extended: !!req.extendedAt,
      statusUrl: this.links.statusUrl(facts.slug, req.reference, linkToken),
      authority: authorityView(facts.authority),
      postalAddress: facts.postalAddress,
      ...extra,
    };
  }

  private write(
    em: EntityManager,
    facts: TenantFacts,
    req: RightsRequestEntity,
    template: MailTemplate,
    extra: Record<string, unknown>,
    link?: { secrets: MailSecrets; linkToken: string },
  ): Promise<OutboxEmailEntity | null> {
    if (!req.requesterEmail) return Promise.resolve(null);
    return this.mail.send(em, {
      tenantId: req.tenantId,
      requestId: req.id,
      to: req.requesterEmail,
      template,
      locale: req.locale,
      secrets: link?.secrets,
      branding: facts.branding,
      data: this.dataOf(facts, req, extra, link?.linkToken),
    });
  }
}
