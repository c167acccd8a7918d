import type { Lang } from '@regula/engine';
import type { BreachView } from '@regula/breaches';
import type { PolicyVersionEntity } from '@regula/policies';
import type { StoredDefinition } from '@regula/registers';
import { esc, htmlPage } from '@regula/requests';
import type { RetentionRunCountEntity, RetentionRunEntity } from '@regula/retention';
import type { ExportPeriod } from '../as-of';
import type { ExportFile } from '../export-file';
import type { AuditExtract } from './evidence-sources.service';
import type { PackFile } from './manifest';
import { dpiaRows, dpiasCsv, processorRows, processorsCsv, RequestLogEntry, requestLogCsv } from './oversight-tables';
import { RequestFacts, requestStatistics, requestStatisticsCsv } from './request-stats';
import type { PackWords } from './pack-words';

type RecordFormat = 'xlsx' | 'csv' | 'pdf' | 'json' | 'jsonld';

export interface PackContext {
  stored: StoredDefinition;
  period: ExportPeriod;
  generatedAt: Date;
  languages: Lang[];
  /** The words for the requests' codes in the tables (the dashboard's). */
  words: PackWords;
}

export interface PackBuilders {
  record(format: RecordFormat): Promise<ExportFile>;
  description(key: string, lang: Lang, format: 'html' | 'pdf'): Promise<ExportFile>;
}

export interface PackSources {
  policies: PolicyVersionEntity[];
  requests: RequestFacts[];
  /** Each request of the period by reference, its timeline without personal data. */
  requestLog: RequestLogEntry[];
  retentionRuns: (RetentionRunEntity & { counts: RetentionRunCountEntity[] })[];
  breaches: BreachView[];
  audit: AuditExtract;
}

const json = (path: string, value: unknown): PackFile => ({ path, body: Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8') });
const text = (path: string, value: string): PackFile => ({ path, body: Buffer.from(value, 'utf8') });

/** A published policy version in one language as a self-contained page (the stored HTML fragment, rendered by libs/policies). */
function policyPage(v: PolicyVersionEntity, lang: string, controller: string): string {
  const head = `<p class="meta">${esc(controller)}: privacy policy version ${esc(v.number)}, effective ${esc(v.effectiveDate)}, published ${esc(v.publishedAt?.toISOString())}, SHA-256 of the version ${esc(v.contentHash)}</p>`;
  return htmlPage(lang, `${controller}: privacy policy v${v.number} (${lang})`, `${head}\n${v.content[lang].html}`);
}

/** Runs `jobs` in order with up to `ahead` of them started before their turn, and yields their results in order. */
export async function* prefetched<T>(jobs: (() => Promise<T>)[], ahead: number): AsyncGenerator<T> {
  const running: Promise<T>[] = [];
  let next = 0;
  const start = () => {
    const p = jobs[next++]();
    p.catch(() => undefined); // awaited in its turn; a job dropped with the pack must not fail the process
    running.push(p);
  };
  while (next < jobs.length && running.length < Math.max(1, ahead)) start();
  while (running.length) {
    const value = await running.shift()!;
    if (next < jobs.length) start();
    yield value;
  }
}

/**
 * Every file of an evidence pack, by path, one at a time (each is built when
 * the zip asks for it, or at most `ahead` files before, and can be dropped
 * once written): the record in five formats, each register's description per
 * language, each published policy version, request statistics, retention
 * runs, the breach register, the audit log and the audit chain's published
 * checkpoints; for an auditor's oversight, the per-request log (timelines by
 * reference, no personal data), the processors with their contract references
 * and agreements (Art. 28) and each register's DPIA (Art. 35), the tables'
 * headings in the controller's first language. The record PDF (the longest file to render) is started first
 * and written after the descriptions, so that the PDF workers render the
 * descriptions meanwhile rather than after it.
 */
export async function* evidencePackFiles(ctx: PackContext, build: PackBuilders, src: PackSources, ahead = 4): AsyncGenerator<PackFile> {
  const { stored, period } = ctx;
  const recordFile = async (format: RecordFormat): Promise<PackFile> => {
    const f = await build.record(format);
    return { path: `record/${f.fileName}`, body: f.body };
  };
  const recordPdf = recordFile('pdf');
  recordPdf.catch(() => undefined); // awaited below; the pack may be dropped before
  for (const format of ['xlsx', 'csv', 'json', 'jsonld'] as const) yield await recordFile(format);
  const descriptions = stored.registers.flatMap((r) =>
    ctx.languages.flatMap((lang) =>
      (['html', 'pdf'] as const).map((format) => async (): Promise<PackFile> => ({ path: `registers/${r.key}/${lang}.${format}`, body: (await build.description(r.key, lang, format)).body })),
    ),
  );
  yield* prefetched(descriptions, ahead);
  yield await recordPdf;
  for (const v of src.policies) {
    for (const lang of v.languages.filter((l) => v.content[l])) yield text(`policies/v${v.number}/${lang}.html`, policyPage(v, lang, stored.definition.legalName));
    yield json(`policies/v${v.number}/metadata.json`, {
      number: v.number, languages: v.languages, effectiveDate: v.effectiveDate, publishedAt: v.publishedAt, author: v.author,
      changeSummary: v.changeSummary, changeSummaryLegacy: v.changeSummaryLegacy, material: v.material, contentHash: v.contentHash, definitionHash: v.definitionHash, registerVersions: v.registerVersions,
    });
  }
  const stats = requestStatistics(src.requests, period.asOf.timeZone);
  const scope = { from: period.from, to: period.to, timeZone: period.asOf.timeZone };
  yield json('requests/statistics.json', { ...scope, receivedInPeriod: src.requests.length, types: stats });
  const lang = ctx.languages[0];
  yield text('requests/statistics.csv', requestStatisticsCsv(stats, lang, ctx.words));
  yield json('requests/log.json', { ...scope, requests: src.requestLog });
  yield text('requests/log.csv', requestLogCsv(src.requestLog, lang, period.asOf.timeZone, ctx.words));
  const processors = processorRows(stored.definition, lang);
  yield json('processors/processors.json', { asOf: period.to, processors });
  yield text('processors/processors.csv', processorsCsv(processors, lang));
  const dpias = dpiaRows(stored.definition, lang);
  yield json('dpia/dpias.json', { asOf: period.to, dpias });
  yield text('dpia/dpias.csv', dpiasCsv(dpias, lang));
  yield json('retention/runs.json', { ...scope, runs: src.retentionRuns });
  yield json('breaches/register.json', { asOf: period.to, timeZone: period.asOf.timeZone, breaches: src.breaches });
  const { checkpoints, ...log } = src.audit;
  yield json('audit/log.json', log);
  // The signed heads published outside the database: a later pack, or the file itself, shows whether this log was truncated since.
  yield text('audit/checkpoints.jsonl', checkpoints);
}
