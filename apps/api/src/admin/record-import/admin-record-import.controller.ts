import { Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import type { Lang } from '@regula/engine';
import { ImportIssue, RecordImportPreview, RecordImports } from '@regula/exports';
import type { RegisterSetOutcome } from '@regula/registers';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, tenantOf } from '../shared/admin-request';
import { sheetLimitsView } from '../shared/held-import';
import { HeldImportController } from '../shared/held-import.controller';

/**
 * The record imported from its spreadsheet: the upload form, then the preview
 * (what would be created, changed and retired, the warnings; the file held by
 * its SHA-256), then the confirmation, which applies exactly what was previewed
 * (the plan's hash) in one transaction (HeldImportController). Plain forms: no script.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/record-import')
@UseFilters(AdminExceptionFilter)
@RequirePermission('registers:write')
export class AdminRecordImportController extends HeldImportController<RecordImportPreview, RegisterSetOutcome> {
  protected readonly segment = 'record-import';
  protected readonly defaultFileName = 'record';

  constructor(pages: AdminPages, imports: RecordImports) {
    super(pages, imports);
  }

  protected upload(req: AdminHttpRequest, res: Response, status: number, error?: string, preview?: RecordImportPreview) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    // Counts written as the page's language writes them (100 000, 100,000).
    return this.pages.render(req, res, 'record-import/upload', { title: t('recordImport.title'), status, hasErrors: status >= 400 }, {
      action: this.base(req),
      exportsHref: `/admin/t/${tenantOf(req).slug}/exports`,
      limits: sheetLimitsView(lang),
      error,
      problems: preview && { file: preview.fileName, count: preview.errors.length, rows: preview.errors.map(issueRow) },
    });
  }

  protected renderPreview(req: AdminHttpRequest, res: Response, lang: Lang, p: RecordImportPreview, status = 200, error?: string) {
    const t = this.pages.t(lang);
    const base = this.base(req);
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

  protected renderDone(req: AdminHttpRequest, res: Response, lang: Lang, done: RegisterSetOutcome, sha256: string) {
    const t = this.pages.t(lang);
    return this.pages.render(req, res, 'record-import/done', { title: t('recordImport.doneTitle') }, {
      counts: { created: done.created.length, changed: done.versioned.length, retired: done.retired.length, unchanged: done.unchanged.length },
      registersHref: `/admin/t/${tenantOf(req).slug}/registers`,
      sha256,
    });
  }
}

function issueRow(i: ImportIssue) {
  return { sheet: i.sheet, cell: i.cell, row: i.row, message: i.message };
}
