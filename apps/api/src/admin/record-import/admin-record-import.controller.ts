import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import type { Lang } from '@regula/engine';
import { ImportIssue, RecordImportPreview, RecordImports } from '@regula/exports';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminUploadRequest } from '../requests/reply-upload.guard';
import { AdminSessionGuard } from '../session/admin-session.guard';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, tenantOf } from '../shared/admin-request';
import { fileRefusal, HELD_SHA256, importActor, sheetLimitsView, uploadRefusal } from '../shared/held-import';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';
import { AdminRecordImportUploadGuard } from './record-import-upload.guard';

/**
 * The record imported from its spreadsheet: the upload form, then the preview
 * (what would be created, changed and retired, the warnings; the file held by
 * its SHA-256), then the confirmation, which applies exactly what was previewed
 * (the plan's hash) in one transaction. Plain forms: no script.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/record-import')
@UseFilters(AdminExceptionFilter)
@RequirePermission('registers:write')
export class AdminRecordImportController {
  constructor(private readonly pages: AdminPages, private readonly imports: RecordImports) {}

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
    let preview: RecordImportPreview;
    try {
      preview = await this.imports.preview(tenantOf(req).id, { name: req.file!.originalname.slice(0, 255) || 'record', body: req.file!.buffer }, lang, importActor(req));
    } catch (e) {
      const bad = fileRefusal(e);
      return this.upload(req, res, bad.status, bad.message);
    }
    if (preview.errors.length) return this.upload(req, res, 422, undefined, preview);
    res.redirect(303, `/admin/t/${tenantOf(req).slug}/record-import/${preview.sha256}`);
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
      return this.pages.render(req, res, 'record-import/done', { title: t('recordImport.doneTitle') }, {
        counts: { created: done.created.length, changed: done.versioned.length, retired: done.retired.length, unchanged: done.unchanged.length },
        registersHref: `/admin/t/${tenantOf(req).slug}/registers`,
        sha256,
      });
    } catch (e) {
      if (statusOf(e) !== 409) throw e;
      const preview = await this.imports.previewHeld(tenantOf(req).id, sha256, lang);
      return this.renderPreview(req, res, lang, preview, 409, t('recordImport.stale', { detail: messageOf(e) }));
    }
  }

  private upload(req: AdminHttpRequest, res: Response, status: number, error?: string, preview?: RecordImportPreview) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    // Counts written as the page's language writes them (100 000, 100,000).
    return this.pages.render(req, res, 'record-import/upload', { title: t('recordImport.title'), status, hasErrors: status >= 400 }, {
      action: `/admin/t/${tenantOf(req).slug}/record-import`,
      exportsHref: `/admin/t/${tenantOf(req).slug}/exports`,
      limits: sheetLimitsView(lang),
      error,
      problems: preview && { file: preview.fileName, count: preview.errors.length, rows: preview.errors.map(issueRow) },
    });
  }

  private renderPreview(req: AdminHttpRequest, res: Response, lang: Lang, p: RecordImportPreview, status = 200, error?: string) {
    const t = this.pages.t(lang);
    const base = `/admin/t/${tenantOf(req).slug}/record-import`;
    const lists = (['created', 'changed', 'retired', 'unchanged'] as const).map((kind) => ({ kind, title: t(`recordImport.${kind}`, { count: p[kind].length }), items: p[kind], retiredHint: kind === 'retired' }));
    return this.pages.render(req, res, 'record-import/preview', { title: t('recordImport.previewTitle'), status, hasErrors: !!error }, {
      error,
      file: { name: p.fileName, sha256: p.sha256, format: p.format.toUpperCase() },
      lists,
      changes: p.created.length + p.changed.length + p.retired.length,
      warnings: p.warnings.map(issueRow),
      warningsTotal: p.warningsTotal,
      warningsMore: p.warningsTotal > p.warnings.length,
      action: `${base}/${p.sha256}/apply`,
      planHash: p.planHash,
      backHref: base,
    });
  }
}

function issueRow(i: ImportIssue) {
  return { sheet: i.sheet, cell: i.cell, row: i.row, message: i.message };
}
