import { Controller, Get, NotFoundException, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { auditFilterQuery, parseAuditFilters } from './audit-log.query';
import { AuditLogPages } from './audit-log.service';
import { auditRow, entryView, verdictView } from './audit-view';

const PAGE_SIZE = 50;

/**
 * The tenant's hash-chained audit log: the chain verified at the top of the
 * page (AuditVerifier from the newest signed checkpoint: intact up to the last
 * entry, or the first broken one and why), the entries newest first with filters and paging, and an
 * entry's page with its details and hashes. Read-only (audit:read).
 */
@ApiExcludeController()
@Controller('admin/t/:slug/audit')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('audit:read')
export class AdminAuditController {
  constructor(private readonly pages: AdminPages, private readonly log: AuditLogPages) {}

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() query: Record<string, unknown>) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const base = `/admin/t/${tenant.slug}/audit`;
    const f = parseAuditFilters(query);
    const [verdict, result] = await Promise.all([this.log.verify(tenant.id), this.log.page(tenant.id, tenant.timeZone, f, PAGE_SIZE)]);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const link = (page: number) => {
      const q = auditFilterQuery(f);
      if (page > 1) q.set('page', String(page));
      const s = q.toString();
      return `${base}${s ? `?${s}` : ''}`;
    };
    return this.pages.render(req, res, 'audit/list', { title: t('audit.title') }, {
      action: base,
      verdict: verdictView(verdict, base, lang, tenant.timeZone, new Date(), t),
      filters: { ...f, active: !!(f.action || f.actor || f.from || f.to) },
      rows: result.items.map((e) => auditRow(e, base, lang, tenant.timeZone)),
      total: result.total,
      pager: {
        summary: t('audit.pageOf', { page: f.page, pages, total: result.total }),
        prev: f.page > 1 ? link(f.page - 1) : undefined,
        next: f.page < pages ? link(f.page + 1) : undefined,
      },
    });
  }

  @Get(':seq')
  async entry(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('seq') seq: string) {
    if (!/^[1-9]\d{0,15}$/.test(seq)) throw new NotFoundException();
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const base = `/admin/t/${tenant.slug}/audit`;
    const found = await this.log.entry(tenant.id, Number(seq));
    return this.pages.render(req, res, 'audit/entry', { title: t('audit.entryTitle', { seq }) }, {
      back: base,
      entry: entryView(found.entry, found, lang, tenant.timeZone, t),
      prev: found.previousSeq ? `${base}/${found.previousSeq}` : undefined,
      next: found.nextSeq ? `${base}/${found.nextSeq}` : undefined,
    });
  }
}
