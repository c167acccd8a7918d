import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditService } from '@regula/audit';
import { formatLocalDate, localDateOf } from '@regula/engine';
import type { Lang } from '@regula/engine';
import { auditExport, ExportActor, ExportFile, exportFile, safeFileName } from '@regula/exports';
import { CLOCK, Clock, NotFoundError, systemClock, TenantDb } from '@regula/platform';
import { RequestsService } from '@regula/requests';
import type { RequestListFilter, RequestListItem } from '@regula/requests';
import { TenantEntity } from '@regula/tenancy';
import { adminCatalogue } from '../../admin/shared/admin-renderer';
import { tableCsv, tableXlsx } from '../../exports/table-files';
import type { RequestExportFormat } from './request-list.files';
import { requestListSheet } from './request-list.sheet';

/** The list's filters, without paging: the export holds every page. */
export type RequestExportFilter = Omit<RequestListFilter, 'page' | 'pageSize'>;

const PAGE = 100;

/**
 * The requests list as CSV or XLSX (issue 18 §1): every request the filters
 * select, in the list's order, headings and coded values in `lang` (the
 * dashboard's catalogues). Audited as `export.created` with the filters and
 * the row count (no requester's data), the file's name, size and SHA-256.
 */
@Injectable()
export class RequestListExportService {
  constructor(
    private readonly db: TenantDb,
    private readonly requests: RequestsService,
    private readonly audit: AuditService,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async export(tenantId: string, filter: RequestExportFilter, format: RequestExportFormat, lang: Lang, actor: ExportActor): Promise<ExportFile> {
    const tenant = await this.db.forTenant(tenantId, (em) => em.findOne(TenantEntity, { where: { id: tenantId } }));
    if (!tenant) throw new NotFoundError('no such tenant');
    const now = this.clock();
    const items = await this.all(tenantId, filter, now);
    const i18n = adminCatalogue();
    const t = (key: string, vars?: Record<string, unknown>) => i18n.t(lang, key, vars);
    const table = requestListSheet(items, tenant.timeZone, t);
    const name = `${safeFileName(tenant.slug, 'requests', formatLocalDate(localDateOf(now, tenant.timeZone)))}.${format}`;
    const body = format === 'csv' ? tableCsv(table) : await tableXlsx(table, t('queue.title'), now);
    const file = exportFile(name, format, body);
    const filters = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    await auditExport(this.db, this.audit, tenantId, actor, { export: 'requests', format, lang, filters, rows: items.length }, { fileName: file.fileName, sha256: file.sha256, size: file.body.length });
    return file;
  }

  /** Every page of the list at one instant (so that "overdue" means the same on each page). */
  private async all(tenantId: string, filter: RequestExportFilter, now: Date): Promise<RequestListItem[]> {
    const items: RequestListItem[] = [];
    for (let page = 1; ; page++) {
      const r = await this.requests.list(tenantId, { ...filter, page, pageSize: PAGE }, now);
      items.push(...r.items);
      if (r.items.length < PAGE || items.length >= r.total) return items;
    }
  }
}
