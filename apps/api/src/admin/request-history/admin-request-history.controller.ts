import { Controller, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '@regula/auth';
import { formatLocalDate, localDateOf } from '@regula/engine';
import type { Lang } from '@regula/engine';
import { ImportIssue } from '@regula/exports';
import { localDateTime, OPTIONAL_HISTORY_COLUMNS, REQUIRED_HISTORY_COLUMNS } from '@regula/requests';
import { RequestHistoryApplied, RequestHistoryImports, RequestHistoryPreview, historyHeadings } from '../../requests/history/request-history-imports.service';
import { AdminExceptionFilter } from '../shared/admin-exception.filter';
import { AdminPages } from '../shared/admin-pages.service';
import { AdminHttpRequest, tenantOf } from '../shared/admin-request';
import { sheetLimitsView } from '../shared/held-import';
import { HeldImportController } from '../shared/held-import.controller';

/**
 * Closed requests of the past imported from the requests list's export (issue
 * 18 §1): the upload form, the preview (how many, by state and type, the first
 * rows; or the errors by row and column), then the confirmation, which writes
 * exactly what was previewed (the plan's hash) in one transaction. The record
 * import's flow (HeldImportController); plain forms, no script.
 */
@ApiExcludeController()
@Controller('admin/t/:slug/request-history')
@UseFilters(AdminExceptionFilter)
@RequirePermission('requests:write')
export class AdminRequestHistoryController extends HeldImportController<RequestHistoryPreview, RequestHistoryApplied> {
  protected readonly segment = 'request-history';
  protected readonly defaultFileName = 'requests';

  constructor(pages: AdminPages, imports: RequestHistoryImports) {
    super(pages, imports);
  }

  protected upload(req: AdminHttpRequest, res: Response, status: number, error?: string, preview?: RequestHistoryPreview) {
    const lang = this.pages.lang(req);
    const t = this.pages.t(lang);
    return this.pages.render(req, res, 'request-history/upload', { title: t('requestHistory.title'), status, hasErrors: status >= 400 }, {
      action: this.base(req),
      requestsHref: `/admin/t/${tenantOf(req).slug}/requests`,
      columns: { required: historyHeadings(lang, REQUIRED_HISTORY_COLUMNS), optional: historyHeadings(lang, OPTIONAL_HISTORY_COLUMNS) },
      limits: sheetLimitsView(lang),
      error,
      problems: preview && { file: preview.fileName, count: preview.errorsTotal, more: preview.errorsTotal > preview.errors.length, shown: preview.errors.length, rows: preview.errors.map(issueRow) },
    });
  }

  protected renderPreview(req: AdminHttpRequest, res: Response, lang: Lang, p: RequestHistoryPreview, status = 200, error?: string) {
    const t = this.pages.t(lang);
    const zone = tenantOf(req).timeZone;
    const base = this.base(req);
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

  protected renderDone(req: AdminHttpRequest, res: Response, lang: Lang, done: RequestHistoryApplied, sha256: string) {
    const t = this.pages.t(lang);
    return this.pages.render(req, res, 'request-history/done', { title: t('requestHistory.doneTitle') }, {
      count: done.imported,
      requestsHref: `/admin/t/${tenantOf(req).slug}/requests?state=completed`,
      sha256,
    });
  }
}

function issueRow(i: ImportIssue) {
  return { cell: i.cell, row: i.row, message: i.message };
}
