import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditService } from '@regula/audit';
import { BreachesService, BreachView } from '@regula/breaches';
import { formatLocalDate, localDateOf } from '@regula/engine';
import type { Lang } from '@regula/engine';
import { auditExport, ExportActor, ExportFile, exportFile, PdfWorkers, RECORD_LABELS, safeFileName } from '@regula/exports';
import { CLOCK, Clock, NotFoundError, systemClock, TenantDb } from '@regula/platform';
import { localDateTime } from '@regula/requests';
import { TenantEntity } from '@regula/tenancy';
import { adminCatalogue } from '../../admin/shared/admin-renderer';
import { ExportTable, tableXlsx } from '../../exports/table-files';
import { breachRegisterPdf } from './breach-register.pdf';

export const BREACH_EXPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type BreachExportFormat = (typeof BREACH_EXPORT_FORMATS)[number];

type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The register's facts per breach, in the order of the JSON register of the
 * evidence pack (GDPR Art. 33(5): the facts, effects and remedial action; Art.
 * 33(3) contents; the notifications of Art. 33 and 34 and Art. 34(3)
 * exemptions), each heading the label the breach's page uses.
 */
const FIELDS: { heading: string; value: (b: BreachView, t: T, when: (d: Date | null) => string) => string }[] = [
  { heading: 'breaches.reference', value: (b) => b.reference },
  { heading: 'breaches.f.title', value: (b) => b.title },
  { heading: 'breaches.statusCol', value: (b, t) => t(`breaches.status.${b.status}`) },
  { heading: 'breaches.f.awareAt', value: (b, _t, w) => w(b.awareAt) },
  { heading: 'breaches.f.occurredAt', value: (b, _t, w) => w(b.occurredAt) },
  { heading: 'breaches.deadline', value: (b, _t, w) => w(b.clock.deadlineAt) },
  { heading: 'breaches.f.nature', value: (b) => b.nature },
  { heading: 'breaches.f.dataCategories', value: (b) => b.dataCategories.join('; ') },
  { heading: 'breaches.f.subjectCategories', value: (b) => b.subjectCategories.join('; ') },
  { heading: 'breaches.f.approxSubjects', value: (b) => (b.approxSubjects ?? '').toString() },
  { heading: 'breaches.f.approxRecords', value: (b) => (b.approxRecords ?? '').toString() },
  { heading: 'breaches.f.likelyConsequences', value: (b) => b.likelyConsequences ?? '' },
  { heading: 'breaches.f.measures', value: (b) => b.measures ?? '' },
  { heading: 'breaches.f.dpoContact', value: (b) => b.dpoContact },
  { heading: 'breaches.f.risk', value: (b, t) => t(`breaches.risk.${b.risk ?? 'none'}`) },
  { heading: 'breaches.f.riskReasoning', value: (b) => b.riskReasoning ?? '' },
  { heading: 'breaches.authority', value: (b, _t, w) => w(b.authorityNotifiedAt) },
  { heading: 'breaches.authorityReference', value: (b) => b.authorityReference ?? '' },
  { heading: 'breaches.delayReasons', value: (b) => b.delayReasons ?? '' },
  { heading: 'breaches.subjects', value: (b, _t, w) => w(b.subjectsNotifiedAt) },
  { heading: 'breaches.method', value: (b) => b.subjectsNotificationMethod ?? '' },
  { heading: 'breaches.exemptionCol', value: (b, t) => (b.subjectsExemption ? t(`breaches.exemption.${b.subjectsExemption}`) : '') },
  { heading: 'breaches.reasoning', value: (b) => b.subjectsExemptionReasoning ?? '' },
  { heading: 'breaches.closedAt', value: (b, _t, w) => w(b.closedAt) },
];

/** The register as a table: headings and coded values in the catalogue's language, instants as local 'YYYY-MM-DD HH:MM' in the controller's time zone. */
export function breachRegisterTable(items: BreachView[], timeZone: string, t: T): ExportTable {
  const when = (d: Date | null) => (d ? localDateTime(new Date(d).toISOString(), timeZone) : '');
  return { header: FIELDS.map((f) => t(f.heading)), rows: items.map((b) => FIELDS.map((f) => f.value(b, t, when))) };
}

const PAGE = 200;

/**
 * The breach register (GDPR Art. 33(5)) as XLSX (a row per breach) or PDF (a
 * table of facts per breach), beside the JSON of the REST API's list and of the
 * evidence pack: the same facts, headings in `lang` (the dashboard's breach page
 * labels, its catalogues), for the REST API and the dashboard. Audited as
 * `export.created` (auditExport) with the breach count, the file's name, size
 * and SHA-256.
 */
@Injectable()
export class BreachRegisterExport {
  constructor(
    private readonly db: TenantDb,
    private readonly breaches: BreachesService,
    private readonly audit: AuditService,
    private readonly pdf: PdfWorkers,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async export(tenantId: string, format: BreachExportFormat, lang: Lang, actor: ExportActor): Promise<ExportFile> {
    const tenant = await this.db.forTenant(tenantId, (em) => em.findOne(TenantEntity, { where: { id: tenantId } }));
    if (!tenant) throw new NotFoundError('no such tenant');
    const now = this.clock();
    const i18n = adminCatalogue();
    const t: T = (key, vars) => i18n.t(lang, key, vars);
    const items: BreachView[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const r = await this.breaches.list(tenant.id, { limit: PAGE, offset }, now);
      items.push(...r.items);
      if (r.items.length < PAGE || items.length >= r.total) break;
    }
    const table = breachRegisterTable(items, tenant.timeZone, t);
    const asOf = t('breaches.asOf', { time: localDateTime(now.toISOString(), tenant.timeZone) });
    const name = `${safeFileName(tenant.slug, 'breaches', formatLocalDate(localDateOf(now, tenant.timeZone)))}.${format}`;
    const body =
      format === 'xlsx'
        ? await tableXlsx(table, t('breaches.title'), now)
        : await breachRegisterPdf(table, { controller: tenant.legalName, title: t('breaches.registerTitle'), asOf, none: t('breaches.none'), pageOf: RECORD_LABELS[lang].pageOf, lang }, now, this.pdf.render);
    const file = exportFile(name, format, body);
    await auditExport(this.db, this.audit, tenant.id, actor, { export: 'breaches', format, lang, rows: items.length }, { fileName: file.fileName, sha256: file.sha256, size: file.body.length });
    return file;
  }
}
