import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailService, MailTemplate, OutboxEmailEntity } from '@regula/mail';
import { APP_CONFIG, CommonConfig, publicBaseUrl } from '@regula/platform';
import { typeLabel } from './request-labels';
import { RequestLinks, requestLinks } from './request-links';
import { RightsRequestEntity } from './rights-request.entity';
import { TenantFacts, authorityView } from './tenant-facts';

/**
 * Tells the subject, by e-mail in the request's language, what happened to
 * the request: every template gets the reference, the type, the dates, the
 * status link and the supervisory authority; `extra` adds the rest. The
 * e-mail is written in the caller's transaction (MailService).
 */
@Injectable()
export class RequestNotifier {
  readonly links: RequestLinks;

  constructor(private readonly mail: MailService, @Inject(APP_CONFIG) cfg: CommonConfig & { PORT?: number }) {
    this.links = requestLinks(publicBaseUrl(cfg));
  }

  notify(
    em: EntityManager,
    facts: TenantFacts,
    req: RightsRequestEntity,
    template: MailTemplate,
    extra: Record<string, unknown> = {},
    opts: { statusToken?: string } = {},
  ): Promise<OutboxEmailEntity> {
    return this.mail.send(em, {
      tenantId: req.tenantId,
      requestId: req.id,
      to: req.requesterEmail,
      template,
      locale: req.locale,
      data: {
        name: req.requesterName,
        reference: req.reference,
        type: req.type,
        typeLabel: typeLabel(req.type, req.locale),
        receivedAt: req.receivedAt,
        dueDate: req.dueDate,
        extended: !!req.extendedAt,
        statusUrl: this.links.statusUrl(facts.slug, req.reference, opts.statusToken),
        authority: authorityView(facts.authority),
        postalAddress: facts.postalAddress,
        ...extra,
      },
    });
  }
}
