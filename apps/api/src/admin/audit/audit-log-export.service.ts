import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditService } from '@regula/audit';
import type { Permission } from '@regula/auth';
import { formatLocalDate, localDateOf } from '@regula/engine';
import type { Lang } from '@regula/engine';
import { auditExport, ExportActor, ExportFile, exportFile, safeFileName } from '@regula/exports';
import { CLOCK, Clock, systemClock, TenantDb } from '@regula/platform';
import { localDateTime } from '@regula/requests';
import { ExportTable, tableCsv, tableXlsx } from '../../exports/table-files';
import { adminCatalogue } from '../shared/admin-renderer';
import { AuditFilters } from './audit-log.query';
import { AuditLogPages } from './audit-log.service';
import { readableEntries } from './audit-view';

export const AUDIT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

/** The export's columns, in order; each heading is `audit.columns.<key>` in the catalogues. */
export const AUDIT_EXPORT_COLUMNS = ['seq', 'when', 'actor', 'action', 'target'] as const;

export interface AuditExportTenant {
  id: string;
  slug: string;
  timeZone: string;
  permissions: readonly Permission[];
}

/**
 * The audit log as the page shows it, every entry its filters select, as CSV
 * or XLSX (issue 18 §3): the entry's number, the local time in the controller's
 * time zone, the actor by name, the action's label and the object's reference,
 * in `lang`. Audited as `export.created` (libs/exports' auditExport) with the
 * filters and the row count, the file's name, size and SHA-256; the entry is
 * written after the file is read, so the export does not list itself.
 */
@Injectable()
export class AuditLogExport {
  constructor(
    private readonly db: TenantDb,
    private readonly log: AuditLogPages,
    private readonly audit: AuditService,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async export(tenant: AuditExportTenant, f: AuditFilters, format: AuditExportFormat, lang: Lang, actor: ExportActor): Promise<ExportFile> {
    const now = this.clock();
    const i18n = adminCatalogue();
    const t = (key: string, vars?: Record<string, unknown>) => i18n.t(lang, key, vars);
    const table: ExportTable = { header: AUDIT_EXPORT_COLUMNS.map((c) => t(`audit.columns.${c}`)), rows: [] };
    const tenantBase = `/admin/t/${tenant.slug}`;
    await this.log.forEachFiltered(tenant.id, tenant.timeZone, f, async (em, batch) => {
      const rows = await readableEntries(em, tenant.id, batch, { lang, timeZone: tenant.timeZone, tenantBase, auditBase: `${tenantBase}/audit`, permissions: tenant.permissions, t });
      for (const [i, r] of rows.entries()) {
        table.rows.push([r.seq, localDateTime(new Date(batch[i].at).toISOString(), tenant.timeZone), r.actor, r.unlisted ? `${r.action} (${r.unlisted})` : r.action, r.target?.text ?? '']);
      }
    });
    const name = `${safeFileName(tenant.slug, 'audit-log', formatLocalDate(localDateOf(now, tenant.timeZone)))}.${format}`;
    const body = format === 'csv' ? tableCsv(table) : await tableXlsx(table, t('audit.title'), now);
    const file = exportFile(name, format, body);
    const filters = Object.fromEntries(Object.entries({ action: f.action, actor: f.actor, from: f.from, to: f.to }).filter(([, v]) => v !== undefined));
    await auditExport(this.db, this.audit, tenant.id, actor, { export: 'audit-log', format, lang, filters, rows: table.rows.length }, { fileName: file.fileName, sha256: file.sha256, size: file.body.length });
    return file;
  }
}
