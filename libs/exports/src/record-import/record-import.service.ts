import { createHash } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ControllerDefinition, Lang, Register, definitionErrors, findingPlace, findingTitle, findingWords, lintController, resolveText } from '@regula/engine';
import type { Text } from '@regula/engine';
import { CLOCK, Clock, ConflictError, InvalidInputError, TooLargeError, UnprocessableError, contentHash, systemClock } from '@regula/platform';
import { ControllerDefinitionService, heldFileName, RegisterEditActor, RegisterImports, RegisterSetOutcome, StoredDefinition } from '@regula/registers';
import { importMessage } from '../record/sheets/import-messages';
import { ParsedRecord, SheetProblem, SheetRegister, parseRecordSheets } from '../record/sheets/record-sheets.parser';
import { SheetFormat, columnLetters, readSheetFile } from '../record/sheets/sheet-file';
import { readableDifferences } from './readable-differences';

/** One error or warning, where it is and what it says in the admin's language. */
export interface ImportIssue {
  sheet: string;
  row: number;
  column: number;
  /** The cell as a spreadsheet names it ("C12"). */
  cell: string;
  code: string;
  message: string;
}

export interface ImportedRegisterLine {
  key: string;
  name: string;
  /** The file's row (none for a retired register). */
  row: number | null;
}

/** What an import would do, and what keeps it from being done. */
export interface RecordImportPreview {
  sha256: string;
  fileName: string;
  format: SheetFormat;
  errors: ImportIssue[];
  /** At most `MAX_WARNINGS`; `warningsTotal` counts them all. */
  warnings: ImportIssue[];
  warningsTotal: number;
  created: ImportedRegisterLine[];
  changed: ImportedRegisterLine[];
  retired: ImportedRegisterLine[];
  unchanged: ImportedRegisterLine[];
  /** The plan's hash (the file, the registers it replaces, what it makes of them): the confirmation must name it. Null while there are errors. */
  planHash: string | null;
}

export const MAX_WARNINGS = 100;

interface Planned {
  preview: RecordImportPreview;
  registers: Register[];
  stored: StoredDefinition;
}

const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * An Art. 30 record imported from the spreadsheet Regula exports (XLSX or CSV):
 * previewed (what would be created, changed and retired; errors and warnings
 * naming sheet, row and column), the file held by tenant and SHA-256 until the
 * admin confirms, then applied through `RegisterImports` in one transaction.
 * The controller's facts are never changed: the file's controller block is only
 * compared with them.
 */
@Injectable()
export class RecordImports {
  constructor(
    private readonly definitions: ControllerDefinitionService,
    private readonly imports: RegisterImports,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** Reads and previews an upload; a file without errors is held for its confirmation. */
  async preview(tenantId: string, file: { name: string; body: Buffer }, lang: Lang, actor: RegisterEditActor): Promise<RecordImportPreview> {
    const name = heldFileName(file.name, 'record');
    const planned = await this.plan(tenantId, name, file.body, lang);
    const { preview } = planned;
    if (!preview.errors.length) {
      const counts = { created: preview.created.length, changed: preview.changed.length, retired: preview.retired.length, warnings: preview.warningsTotal, planHash: preview.planHash };
      await this.imports.hold(tenantId, { sha256: preview.sha256, fileName: name, body: file.body }, actor, this.clock(), { format: preview.format, ...counts });
    }
    return preview;
  }

  /** The preview of a held file, as it would apply now. */
  async previewHeld(tenantId: string, sha256: string, lang: Lang): Promise<RecordImportPreview> {
    const held = await this.imports.held(tenantId, sha256, this.clock());
    return (await this.plan(tenantId, held.fileName, held.body, lang)).preview;
  }

  /** Applies a held file, only when the plan is still the one previewed (`planHash`). */
  async apply(tenantId: string, sha256: string, planHash: string, lang: Lang, actor: RegisterEditActor): Promise<RegisterSetOutcome> {
    const held = await this.imports.held(tenantId, sha256, this.clock());
    const { preview, registers, stored } = await this.plan(tenantId, held.fileName, held.body, lang);
    if (preview.errors.length) throw new UnprocessableError(preview.errors.map((e) => `${e.sheet} ${e.cell}: ${e.message}`).slice(0, 20));
    if (preview.planHash !== planHash) throw new ConflictError('the registers or the file changed since this preview: preview the file again');
    return this.imports.apply(
      tenantId,
      { sha256, registers, previewedAgainst: stored.registers.map((r) => ({ key: r.key, contentHash: r.contentHash })), details: { fileName: held.fileName, format: preview.format } },
      actor,
      this.clock(),
    );
  }

  private async plan(tenantId: string, fileName: string, body: Buffer, lang: Lang): Promise<Planned> {
    const sha256 = sha256Of(body);
    const read = await readSheetFile(body);
    if ('refused' in read) {
      const message = importMessage(read.refused.code, lang, { limit: read.refused.limit ?? '' });
      throw read.refused.code === 'not-a-spreadsheet' ? new InvalidInputError([`file: ${message}`]) : new TooLargeError(message, { code: read.refused.code });
    }
    const stored = await this.definitions.load(tenantId);
    const empty = { sha256, fileName, format: read.format, warnings: [], warningsTotal: 0, created: [], changed: [], retired: [], unchanged: [], planHash: null };
    const issue = (p: SheetProblem): ImportIssue => ({ sheet: p.sheet, row: p.row, column: p.column, cell: `${columnLetters(p.column)}${p.row}`, code: p.code, message: importMessage(p.code, lang, p.params) });
    if (read.formulas.length) return { preview: { ...empty, errors: read.formulas.map(issue) }, registers: [], stored };
    const parsed = parseRecordSheets(read.format, read.sheets);
    if ('problems' in parsed) return { preview: { ...empty, errors: parsed.problems.map(issue) }, registers: [], stored };

    // The export states the registers with people's confirmations applied: a register read back as the
    // confirmed current one is the current one (its stored form kept, so nothing is versioned for it).
    const confirmed = new Map(stored.definition.registers.map((r) => [r.id, contentHash(r)]));
    const raw = new Map(stored.unconfirmed.registers.map((r) => [r.id, r]));
    const asStored = (r: Register): Register => (confirmed.get(r.id) === contentHash(r) && raw.has(r.id) ? raw.get(r.id)! : r);
    const registers = parsed.record.registers.map((r) => asStored(r.register as unknown as Register));
    const candidate: ControllerDefinition = { ...stored.definition, registers: parsed.record.registers.map((r) => r.register as unknown as Register) };
    const lintProblems = lintProblemsOf(candidate, parsed.record, lang);
    if (lintProblems.length) return { preview: { ...empty, errors: lintProblems.map(issue) }, registers: [], stored };

    const differences = await readableDifferences(read.sheets, parsed.record, candidate, stored, this.clock());
    const warnings = differences.map((d) => issue({ ...d, params: d.detail === undefined ? {} : { detail: d.detail } }));
    const name = (r: Register | undefined, key: string) => (r ? resolveText(r.name as Text, lang).text : key);
    const current = new Map(stored.registers.map((r) => [r.key, r]));
    const currentDef = new Map(stored.definition.registers.map((r) => [r.id, r]));
    const line = (r: SheetRegister): ImportedRegisterLine => ({ key: r.register.id, name: name(r.register as unknown as Register, r.register.id), row: r.row });
    const hashAt = (i: number) => contentHash(registers[i]);
    const created = parsed.record.registers.filter((r) => !current.has(r.register.id)).map(line);
    const changed = parsed.record.registers.filter((r, i) => current.has(r.register.id) && current.get(r.register.id)!.contentHash !== hashAt(i)).map(line);
    const unchanged = parsed.record.registers.filter((r, i) => current.get(r.register.id)?.contentHash === hashAt(i)).map(line);
    const keys = new Set(registers.map((r) => r.id));
    const retired = stored.registers.filter((r) => !keys.has(r.key)).map((r) => ({ key: r.key, name: name(currentDef.get(r.key), r.key), row: null }));
    const planHash = contentHash({
      sha256,
      against: stored.registers.map((r) => [r.key, r.contentHash]),
      registers: registers.map((r) => [r.id, contentHash(r)]),
    });
    return {
      preview: { ...empty, errors: [], warnings: warnings.slice(0, MAX_WARNINGS), warningsTotal: warnings.length, created, changed, retired, unchanged, planHash },
      registers,
      stored,
    };
  }
}

/**
 * The linter's definition errors of the controller with the file's registers,
 * each at its register's row (facts column), in words of `lang`: where (the
 * finding's place) and what is wrong (the code's title), no code or path.
 */
function lintProblemsOf(candidate: ControllerDefinition, record: ParsedRecord, lang: Lang): SheetProblem[] {
  let findings;
  try {
    findings = definitionErrors(lintController(candidate));
  } catch {
    return [{ sheet: record.layout.sheet, row: record.layout.headerRow + 1, column: record.layout.data.facts, code: 'lint', params: { detail: findingTitle('', lang) } }];
  }
  return findings.map((f) => {
    const at = record.registers.find((r) => f.path.startsWith(`registers[${r.register.id}]`));
    let place: string;
    try {
      place = findingPlace(candidate, f.path, lang);
    } catch {
      place = '';
    }
    return { sheet: record.layout.sheet, row: at?.row ?? record.layout.headerRow, column: record.layout.data.facts, code: 'lint', params: { detail: findingWords(f.code, place, lang) } };
  });
}
