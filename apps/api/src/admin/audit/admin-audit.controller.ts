import { BadRequestException, Controller, Get, NotFoundException, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { sendExportFile } from '../../exports/export-download';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { actionChoices } from './audit-action-groups';
import { AUDIT_EXPORT_FORMATS, AuditLogExport } from './audit-log-export.service';
import { auditFilterQuery, parseAuditFilters } from './audit-log.query';
import { AuditLogPages } from './audit-log.service';
import { ACTOR_KINDS, actorChoices, personText } from './audit-people';
import { entryView, readableEntries, verdictView } from './audit-view';

const PAGE_SIZE = 50;

/**
 * The tenant's hash-chained audit log: the chain verified at the top of the
 * page (AuditVerifier from the newest signed checkpoint: intact up to the last
 * entry, or the first broken one and why), the entries newest first in words
 * (the actor by name, the action's label, the object's reference linked to its
 * page) with filters (actor, action, period in the controller's time zone: a
 * GET form) and paging, the filtered log as CSV or XLSX (audited), and an
 * entry's page with its details and hashes. Read-only (audit:read).
 */
@ApiExcludeController()
@Controller('admin/t/:slug/audit')
@UseFilters(AdminExceptionFilter)
@UseGuards(AdminSessionGuard, AdminTenantGuard)
@RequirePermission('audit:read')
export class AdminAuditController {
  constructor(private readonly pages: AdminPages, private readonly log: AuditLogPages, private readonly exporter: AuditLogExport) {}

  @Get()
  async list(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() query: Record<string, unknown>) {
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const base = `/admin/t/${tenant.slug}/audit`;
    const f = parseAuditFilters(query);
    const [verdict, result] = await Promise.all([this.log.verify(tenant.id), this.log.page(tenant.id, tenant.timeZone, f, PAGE_SIZE)]);
    const tenantBase = `/admin/t/${tenant.slug}`;
    const [rows, people] = await this.log.read(tenant.id, async (em) => [
      await readableEntries(em, tenant.id, result.items, { lang, timeZone: tenant.timeZone, tenantBase, auditBase: base, permissions: tenant.permissions, t }),
      await actorChoices(em, tenant.id),
    ] as const);
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const q = auditFilterQuery(f);
    const link = (page: number) => {
      const p = new URLSearchParams(q);
      if (page > 1) p.set('page', String(page));
      const s = p.toString();
      return `${base}${s ? `?${s}` : ''}`;
    };
    const exportLink = (format: string) => {
      const p = new URLSearchParams(q);
      p.set('format', format);
      return `${base}/export?${p.toString()}`;
    };
    const collator = new Intl.Collator(lang);
    const actorKnown = !f.actor || f.actor.startsWith('kind:') || people.some((p) => p.email === f.actor);
    return this.pages.render(req, res, 'audit/list', { title: t('audit.title') }, {
      action: base,
      verdict: verdictView(verdict, base, lang, tenant.timeZone, new Date(), t),
      filters: { ...f, active: !!(f.action || f.actor || f.from || f.to) },
      actions: actionChoices(t, f.action, collator),
      actors: {
        kinds: ACTOR_KINDS.map((k) => ({ value: `kind:${k}`, label: t(`audit.actorKind.${k}`), selected: f.actor === `kind:${k}` })),
        people: people.map((p) => ({ value: p.email, label: personText(p), selected: f.actor === p.email })),
        other: actorKnown ? undefined : f.actor,
      },
      rows,
      total: result.total,
      exports: result.total ? { csv: exportLink('csv'), xlsx: exportLink('xlsx') } : undefined,
      pager: {
        summary: t('audit.pageOf', { page: f.page, pages, total: result.total }),
        prev: f.page > 1 ? link(f.page - 1) : undefined,
        next: f.page < pages ? link(f.page + 1) : undefined,
      },
    });
  }

  /** The filtered log (every page) as CSV or XLSX in the page's language; the export is audited (export.created) with its filters and row count. */
  @Get('export')
  async export(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Query() query: Record<string, unknown>) {
    const format = AUDIT_EXPORT_FORMATS.find((x) => x === query.format);
    if (!format) throw new BadRequestException(`format must be one of ${AUDIT_EXPORT_FORMATS.join(', ')}`);
    const tenant = tenantOf(req);
    const { user } = adminOf(req);
    const actor = { userId: user.id, label: `${user.email} (${tenant.role})`, ip: clientIp(req) };
    return sendExportFile(res, await this.exporter.export(tenant, parseAuditFilters(query), format, this.pages.lang(req), actor));
  }

  @Get(':seq')
  async entry(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('seq') seq: string) {
    if (!/^[1-9]\d{0,15}$/.test(seq)) throw new NotFoundException();
    const tenant = tenantOf(req);
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const base = `/admin/t/${tenant.slug}/audit`;
    const found = await this.log.entry(tenant.id, Number(seq));
    const tenantBase = `/admin/t/${tenant.slug}`;
    const [readable] = await this.log.read(tenant.id, (em) =>
      readableEntries(em, tenant.id, [found.entry], { lang, timeZone: tenant.timeZone, tenantBase, auditBase: base, permissions: tenant.permissions, t }),
    );
    return this.pages.render(req, res, 'audit/entry', { title: t('audit.entryTitle', { seq }) }, {
      back: base,
      entry: entryView(found.entry, readable, found, t),
      prev: found.previousSeq ? `${base}/${found.previousSeq}` : undefined,
      next: found.nextSeq ? `${base}/${found.nextSeq}` : undefined,
    });
  }
}
