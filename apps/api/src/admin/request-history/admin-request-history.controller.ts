import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { formatLocalDate, localDateOf } from '@regula/engine';
import type { Lang } from '@regula/engine';
import { ImportIssue } from '@regula/exports';
import { localDateTime } from '@regula/requests';
import { messageOf, statusOf } from '../../common/http-error';
import { OPTIONAL_HISTORY_COLUMNS, REQUIRED_HISTORY_COLUMNS } from '@regula/requests';
import { RequestHistoryImports, RequestHistoryPreview, historyHeadings } from '../../requests/history/request-history-imports.service';
import { AdminRecordImportUploadGuard } from '../record-import/record-import-upload.guard';
import { AdminUploadRequest } from '../requests/reply-upload.guard';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, tenantOf } from '../shared/admin-request';
import { fileRefusal, HELD_SHA256, importActor, sheetLimitsView, uploadRefusal } from '../shared/held-import';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';

/**
 * Closed requests of the past imported from the requests list's export (issue
 * 18 §1): the upload form, the preview (how many, by state and type, the first
 * rows; or the errors by row and column), then the confirmation, which writes
 * exactly what was previewed (the plan's hash) in one transaction. The record
 * import's way and upload guard; plain forms, no script.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/request-history')
@UseFilters(AdminExceptionFilter)
@RequirePermission('requests:write')
export class AdminRequestHistoryController {
  constructor(private readonly pages: AdminPages, private readonly imports: RequestHistoryImports) {}

  @Get()
  @UseGuards(AdminSessionGuard, AdminTenantGuard)
  form(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response) {
    return this.upload(req, res, 200);
  }

  @Post()
  @UseGuards(AdminRecordImportUploadGuard)
  async preview(@Req() req: AdminUploadRequest, @Res({ passthrough: true }) res: Response) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const refused = uploadRefusal(req, lang, t);
    if (refused) return this.upload(req, res, refused.status, refused.message);
    let preview: RequestHistoryPreview;
    try {
      preview = await this.imports.preview(tenantOf(req).id, { name: req.file!.originalname.slice(0, 255) || 'requests', body: req.file!.buffer }, lang, importActor(req));
    } catch (e) {
      const bad = fileRefusal(e);
      return this.upload(req, res, bad.status, bad.message);
    }
    if (preview.errors.length) return this.upload(req, res, 422, undefined, preview);
    res.redirect(303, `/admin/t/${tenantOf(req).slug}/request-history/${preview.sha256}`);
    return undefined;
  }

  @Get(':sha256')
  @UseGuards(AdminSessionGuard, AdminTenantGuard)
  async held(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('sha256') sha256: string) {
    if (!HELD_SHA256.test(sha256)) throw new NotFoundException('no such import');
    const lang = this.pages.lang(req);
    const preview = await this.imports.previewHeld(tenantOf(req).id, sha256, lang);
    if (preview.errors.length) return this.upload(req, res, 422, undefined, preview);
    return this.renderPreview(req, res, lang, preview);
  }

  @Post(':sha256/apply')
  @UseGuards(AdminSessionGuard, AdminTenantGuard)
  async apply(@Req() req: AdminHttpRequest, @Res({ passthrough: true }) res: Response, @Param('sha256') sha256: string, @Body() body: Record<string, unknown>) {
    if (!HELD_SHA256.test(sha256)) throw new NotFoundException('no such import');
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const planHash = typeof body.planHash === 'string' ? body.planHash : '';
    try {
      const done = await this.imports.apply(tenantOf(req).id, sha256, planHash, lang, importActor(req));
      return this.pages.render(req, res, 'request-history/done', { title: t('requestHistory.doneTitle') }, {
        count: done.imported,
        requestsHref: `/admin/t/${tenantOf(req).slug}/requests?state=completed`,
        sha256,
      });
    } catch (e) {
      if (statusOf(e) !== 409) throw e;
      const preview = await this.imports.previewHeld(tenantOf(req).id, sha256, lang);
      return this.renderPreview(req, res, lang, preview, 409, t('recordImport.stale', { detail: messageOf(e) }));
    }
  }

  private upload(req: AdminHttpRequest, res: Response, status: number, error?: string, preview?: RequestHistoryPreview) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    const slug = tenantOf(req).slug;
    return this.pages.render(req, res, 'request-history/upload', { title: t('requestHistory.title'), status, hasErrors: status >= 400 }, {
      action: `/admin/t/${slug}/request-history`,
      requestsHref: `/admin/t/${slug}/requests`,
      columns: { required: historyHeadings(lang, REQUIRED_HISTORY_COLUMNS), optional: historyHeadings(lang, OPTIONAL_HISTORY_COLUMNS) },
      limits: sheetLimitsView(lang),
      error,
      problems: preview && { file: preview.fileName, count: preview.errorsTotal, more: preview.errorsTotal > preview.errors.length, shown: preview.errors.length, rows: preview.errors.map(issueRow) },
    });
  }

  private renderPreview(req: AdminHttpRequest, res: Response, lang: Lang, p: RequestHistoryPreview, status = 200, error?: string) {
    const t = this.pages.t(lang);
    const tenant = tenantOf(req);
    const zone = tenant.timeZone;
    const base = `/admin/t/${tenant.slug}/request-history`;
    const day = (iso: string | null) => (iso ? formatLocalDate(localDateOf(new Date(iso), zone)) : '');
    const at = (d: Date | null) => (d ? localDateTime(new Date(d).toISOString(), zone) : '');
    return this.pages.render(req, res, 'request-history/preview', { title: t('requestHistory.previewTitle'), status, hasErrors: !!error }, {
      error,
      file: { name: p.fileName, sha256: p.sha256, format: p.format.toUpperCase() },
      summary: t('requestHistory.summary', { count: p.count, from: day(p.receivedFrom), to: day(p.receivedTo) }),
      states: (['completed', 'refused', 'withdrawn'] as const).map((s) => ({ label: t(`states.${s}`), count: p.byState[s] })),
      types: p.byType.map((x) => ({ label: t(`types.${x.type}`), count: x.count })),
      sample: p.sample.map((r) => ({
        row: r.row, reference: r.reference ?? t('requestHistory.drawn'), received: at(r.receivedAt), type: t(`types.${r.type}`), channel: t(`requestExport.channels.${r.channel}`),
        state: t(`states.${r.state}`), answered: at(r.closedAt), extended: t(r.extendedAt ? 'requestExport.yes' : 'requestExport.no'),
      })),
      action: `${base}/${p.sha256}/apply`,
      planHash: p.planHash,
      backHref: base,
    });
  }
}

function issueRow(i: ImportIssue) {
  return { cell: i.cell, row: i.row, message: i.message };
}
