import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Lang } from '@regula/engine';
import { ImportIssue, columnLetters, importMessage, readSheetFile } from '@regula/exports';
import type { SheetFormat } from '@regula/exports';
import { CLOCK, Clock, ConflictError, InvalidInputError, TooLargeError, UnprocessableError, contentHash, systemClock } from '@regula/platform';
import { HistoricImportActor, HistoricRequest, HistoricRequests, HistoryProblem, REQUIRED_HISTORY_COLUMNS, RequestExportColumn, parseRequestHistory } from '@regula/requests';
import { heldFileName, RegisterImports } from '@regula/registers';
import { adminCatalogue } from '../../admin/shared/admin-renderer';

/** What importing a file of past requests would do, and what keeps it from being done. */
export interface RequestHistoryPreview {
  sha256: string;
  fileName: string;
  format: SheetFormat;
  /** At most `MAX_HISTORY_ERRORS`; `errorsTotal` counts them all. */
  errors: ImportIssue[];
  errorsTotal: number;
  /** The requests it would add. */
  count: number;
  byState: { completed: number; refused: number; withdrawn: number };
  byType: { type: string; count: number }[];
  /** The first and last receipt (ISO instants); null without requests. */
  receivedFrom: string | null;
  receivedTo: string | null;
  /** The first rows as they would be imported (at most 10). */
  sample: (HistoricRequest & { row: number })[];
  /** The file and the requests it makes: the confirmation must name it. Null while there are errors. */
  planHash: string | null;
}

export interface RequestHistoryApplied {
  sha256: string;
  imported: number;
}

export const MAX_HISTORY_ERRORS = 200;

const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Closed requests of the past imported from the requests list's export (CSV
 * or XLSX; issue 18 §1), the record import's way: the file read within the
 * import's limits (`readSheetFile`, libs/exports), previewed (errors by row and
 * column, in the admin's language), held by tenant and SHA-256 (`RegisterImports`,
 * kind `requests`) until confirmed with the plan's hash, then written by
 * `HistoricRequests` in one transaction with one audit entry. No e-mail, no
 * SLA notice: these requests are closed.
 */
@Injectable()
export class RequestHistoryImports {
  constructor(
    private readonly history: HistoricRequests,
    private readonly held: RegisterImports,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async preview(tenantId: string, file: { name: string; body: Buffer }, lang: Lang, actor: HistoricImportActor): Promise<RequestHistoryPreview> {
    const name = heldFileName(file.name, 'requests');
    const preview = await this.plan(tenantId, name, file.body, lang);
    if (!preview.errors.length) {
      await this.held.hold(tenantId, { sha256: preview.sha256, fileName: name, body: file.body }, actor, this.clock(), { format: preview.format, requests: preview.count, planHash: preview.planHash }, 'requests');
    }
    return preview;
  }

  async previewHeld(tenantId: string, sha256: string, lang: Lang): Promise<RequestHistoryPreview> {
    const held = await this.held.held(tenantId, sha256, this.clock(), 'requests');
    return this.plan(tenantId, held.fileName, held.body, lang);
  }

  async apply(tenantId: string, sha256: string, planHash: string, lang: Lang, actor: HistoricImportActor): Promise<RequestHistoryApplied> {
    const now = this.clock();
    const held = await this.held.held(tenantId, sha256, now, 'requests');
    // checked again under the held row's lock by the insert; here first, before a plan that would find its own references taken
    if (held.appliedAt) throw new ConflictError(`this file was already imported at ${held.appliedAt.toISOString()}: upload it again to import it again`);
    const { preview, requests } = await this.planned(tenantId, held.fileName, held.body, lang);
    if (preview.errors.length) throw new UnprocessableError(preview.errors.map((e) => `${e.cell}: ${e.message}`).slice(0, 20));
    if (preview.planHash !== planHash) throw new ConflictError('the file or the requests changed since this preview: preview the file again');
    const imported = await this.history.insert(tenantId, { sha256, fileName: held.fileName, requests, held: true }, actor, now);
    return { sha256, imported };
  }

  private async plan(tenantId: string, fileName: string, body: Buffer, lang: Lang): Promise<RequestHistoryPreview> {
    return (await this.planned(tenantId, fileName, body, lang)).preview;
  }

  private async planned(tenantId: string, fileName: string, body: Buffer, lang: Lang): Promise<{ preview: RequestHistoryPreview; requests: HistoricRequest[] }> {
    const sha256 = sha256Of(body);
    const read = await readSheetFile(body);
    if ('refused' in read) {
      const message = importMessage(read.refused.code, lang, { limit: read.refused.limit ?? '' });
      throw read.refused.code === 'not-a-spreadsheet' ? new InvalidInputError([`file: ${message}`]) : new TooLargeError(message, { code: read.refused.code });
    }
    const facts = await this.history.facts(tenantId);
    const now = this.clock();
    const i18n = adminCatalogue();
    const empty: RequestHistoryPreview = {
      sha256, fileName, format: read.format, errors: [], errorsTotal: 0, count: 0, byState: { completed: 0, refused: 0, withdrawn: 0 }, byType: [], receivedFrom: null, receivedTo: null, sample: [], planHash: null,
    };
    const sheet = read.sheets[0];
    const issue = (p: HistoryProblem & { sheet?: string; message?: string }): ImportIssue => ({
      sheet: p.sheet ?? sheet?.name ?? 'CSV', row: p.row, column: p.column, cell: `${columnLetters(p.column)}${p.row}`, code: p.code,
      message: p.message ?? i18n.t(lang, `requestHistory.problems.${p.code}`, p.code === 'no-header' ? { columns: historyHeadings(lang, REQUIRED_HISTORY_COLUMNS) } : (p.params ?? {})),
    });
    const fail = (issues: ImportIssue[]) => ({ preview: { ...empty, errors: issues.slice(0, MAX_HISTORY_ERRORS), errorsTotal: issues.length }, requests: [] });
    if (read.formulas.length) return fail(read.formulas.map((f) => issue({ ...f, code: 'formula', message: importMessage('formula', lang, {}) })));
    const parsed = parseRequestHistory(sheet?.rows ?? [], facts.timeZone, now, (l, key) => i18n.t(l as Lang, key));
    const problems = [...parsed.problems];
    const taken = await this.history.takenReferences(tenantId, parsed.requests.map((r) => r.reference).filter((r): r is string => !!r));
    for (const r of parsed.requests.filter((x) => x.reference && taken.has(x.reference))) problems.push({ row: r.row, column: referenceColumn(sheet?.rows ?? [], r.row, r.reference!), code: 'reference-taken', params: { value: r.reference! } });
    if (problems.length) return fail(problems.sort((a, b) => a.row - b.row || a.column - b.column).map((p) => issue(p)));

    const requests = parsed.requests;
    const count = (f: (r: HistoricRequest) => boolean) => requests.filter(f).length;
    const types = [...new Set(requests.map((r) => r.type))].sort();
    const times = requests.map((r) => r.receivedAt.getTime());
    const planHash = contentHash({ sha256, requests: requests.map(({ row: _row, ...r }) => ({ ...r, receivedAt: r.receivedAt.toISOString(), closedAt: r.closedAt.toISOString(), identityVerifiedAt: r.identityVerifiedAt?.toISOString() ?? null, extendedAt: r.extendedAt?.toISOString() ?? null })) });
    return {
      preview: {
        ...empty,
        count: requests.length,
        byState: { completed: count((r) => r.state === 'completed'), refused: count((r) => r.state === 'refused'), withdrawn: count((r) => r.state === 'withdrawn') },
        byType: types.map((type) => ({ type, count: count((r) => r.type === type) })),
        receivedFrom: requests.length ? new Date(Math.min(...times)).toISOString() : null,
        receivedTo: requests.length ? new Date(Math.max(...times)).toISOString() : null,
        sample: requests.slice(0, 10),
        planHash,
      },
      requests: requests.map(({ row: _row, ...r }) => r),
    };
  }
}

/** The headings of `columns` in the dashboard's catalogue of `lang`, as a list. */
export function historyHeadings(lang: Lang, columns: readonly RequestExportColumn[]): string {
  return columns.map((c) => adminCatalogue().t(lang, `requestExport.columns.${c}`)).join(', ');
}

/** The column of `reference` in the file's row (1-based), for an error about it. */
function referenceColumn(rows: string[][], row: number, reference: string): number {
  const i = (rows[row - 1] ?? []).findIndex((c) => c.trim().toUpperCase() === reference);
  return i < 0 ? 1 : i + 1;
}
