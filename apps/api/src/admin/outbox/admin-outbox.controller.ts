import { Controller, Get, NotFoundException, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { hasBody, OutboxQueryService, OutboxReader } from '@regula/mail';
import { staffActor, RequestsService } from '@regula/requests';
import { formatInstant, languageName } from '../../web/format';
import { pageOf, pagerOf } from '../consents/pager';
import { maskEmail } from '../consents/subject-mask';
import { UUID } from '../retention/admin-retention.controller';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { sanitisedEmailHtml } from './email-html';

const PAGE_SIZE = 25;
const lang5 = (l: string) => (['en', 'et', 'lt', 'lv', 'sv'].includes(l) ? languageName(l as never) : l);

/**
 * The e-mails Regula wrote for the tenant (the outbox when no SMTP server is
 * configured, else the record of what was sent), newest first, the recipient
 * masked in the list; one e-mail's page shows its text and its HTML
 * sanitised (no iframe, nothing of the HTML runs or loads) to readers with
 * `outbox:read-body` (compliance admins), the metadata to the rest. Codes and
 * link tokens show redacted to everyone; each view is audited.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/outbox')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('outbox:read')
export class AdminOutboxController {
  constructor(private readonly pages: AdminPages, private readonly requests: RequestsService, private readonly outbox: OutboxQueryService) {}

  private readerOf(req: AdminHttpRequest): OutboxReader {
    const tenant = tenantOf(req);
    return { reader: staffActor(adminOf(req).user, tenant.role, clientIp(req)), withBody: tenant.permissions.includes('outbox:read-body') };
  }

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query('page') pageParam?: string) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const page = pageOf(pageParam);
    const result = await this.requests.outbox(tenant.id, { page, pageSize: PAGE_SIZE }, this.readerOf(req));
    const base = `/admin/t/${tenant.slug}/outbox`;
    const rows = result.items.map((e) => ({
      href: `${base}/${e.id}`,
      at: formatInstant(e.createdAt, lang, tenant.timeZone),
      atIso: e.createdAt.toISOString(),
      status: e.status,
      statusLabel: t(`outbox.status.${e.status}`),
      template: e.template,
      language: lang5(e.locale),
      to: maskEmail(e.to),
      subject: e.subject,
    }));
    const pager = pagerOf(t, 'outbox.pageOf', result.page, result.total, PAGE_SIZE, (n) => (n > 1 ? `${base}?page=${n}` : base));
    return this.pages.render(req, res, 'outbox/list', { title: t('outbox.title') }, { rows, pager, smtp: rows.some((r) => r.status !== 'outbox') });
  }

  @Get(':id')
  async email(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('id') id: string) {
    if (!UUID.test(id)) throw new NotFoundException();
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const e = await this.outbox.get(tenant.id, id, this.readerOf(req));
    const when = (d: Date | null) => (d ? formatInstant(d, lang, tenant.timeZone) : '');
    return this.pages.render(req, res, 'outbox/email', { title: t('outbox.emailTitle', { subject: e.subject }) }, {
      back: `/admin/t/${tenant.slug}/outbox`,
      email: {
        subject: e.subject,
        to: e.to,
        at: when(e.createdAt),
        sent: when(e.sentAt),
        status: t(`outbox.status.${e.status}`),
        template: e.template,
        language: lang5(e.locale),
        locale: e.locale,
        attempts: e.attempts,
        lastError: e.lastError ?? '',
        body: hasBody(e) ? { text: e.text, html: sanitisedEmailHtml(e.html) } : null,
      },
    });
  }
}
