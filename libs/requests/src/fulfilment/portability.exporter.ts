import type { Art6Basis, ControllerDefinition, Lang, Register } from '@regula/engine';
import { toCsv } from '@regula/platform';
import { answerLanguage, tr } from './fulfilment-text';
import { purposesFor, registerIndex } from './register-facts';
import type { RecordView } from './subject-data';

/**
 * The answer to a portability request (GDPR Art. 20(1)): the personal data
 * the subject *provided* (categories marked `providedBySubject`), where the
 * processing relies on consent (6(1)(a)) or a contract (6(1)(b)); Regula
 * processes it by automated means. Data derived or observed by the
 * controller, or processed on other bases, is not portable (it stays
 * available through an access request). Pure; JSON and CSV.
 */

export const PORTABLE_BASES: readonly Art6Basis[] = ['6(1)(a)', '6(1)(b)'];

/** The bases that make a category portable: those of its purposes that are 6(1)(a) or (b). */
export function portableBases(register: Register, categoryId: string): Art6Basis[] {
  const category = register.dataCategories.find((c) => c.id === categoryId);
  if (!category?.providedBySubject) return [];
  const bases = purposesFor(register, categoryId).flatMap((p) => p.legalBases.map((b) => b.article));
  return [...new Set(bases.filter((b) => PORTABLE_BASES.includes(b)))].sort();
}

export interface PortabilityInput {
  controller: Pick<ControllerDefinition, 'legalName' | 'registryCode'>;
  registers: Register[];
  records: RecordView[];
  request: { reference: string; locale: string };
  now: Date;
}

export interface PortableRecord {
  register: string;
  registerName: string;
  category: string;
  categoryName: string;
  legalBases: Art6Basis[];
  value: unknown;
  collectedAt: string;
}

export interface PortabilityExport {
  format: 'regula/portability@1';
  language: Lang;
  generatedAt: string;
  controller: { name: string; registryCode: string };
  request: { reference: string };
  records: PortableRecord[];
  /** How many records were left out as not portable (derived data or other bases). */
  excluded: number;
}

/** Whether a record goes into the export: not erased, in a known register, its category portable (Art. 20(1)). */
export function isPortableRecord(r: RecordView, def: Register | undefined): def is Register {
  return !r.erasedAt && !!def && portableBases(def, r.categoryId).length > 0;
}

export function buildPortabilityExport(input: PortabilityInput): PortabilityExport {
  const lang = answerLanguage(input.request.locale);
  const defs = registerIndex(input.registers);
  const out: PortableRecord[] = [];
  let excluded = 0;
  for (const r of input.records) {
    if (r.erasedAt) continue;
    const def = defs.get(r.registerKey);
    if (!def || !isPortableRecord(r, def)) {
      excluded++;
      continue;
    }
    const bases = portableBases(def, r.categoryId);
    out.push({
      register: def.id,
      registerName: tr(def.name, lang),
      category: r.categoryId,
      categoryName: tr(def.dataCategories.find((c) => c.id === r.categoryId)?.name, lang),
      legalBases: bases,
      value: r.value,
      collectedAt: new Date(r.collectedAt).toISOString(),
    });
  }
  return {
    format: 'regula/portability@1',
    language: lang,
    generatedAt: input.now.toISOString(),
    controller: { name: input.controller.legalName, registryCode: input.controller.registryCode },
    request: { reference: input.request.reference },
    records: out,
    excluded,
  };
}

export function portabilityJson(e: PortabilityExport): string {
  return `${JSON.stringify(e, null, 2)}\n`;
}

export const PORTABILITY_CSV_HEADER = ['register', 'register_name', 'category', 'category_name', 'value', 'collected_at', 'legal_bases'] as const;

export function portabilityCsv(e: PortabilityExport): string {
  return toCsv(PORTABILITY_CSV_HEADER, e.records.map((r) => [r.register, r.registerName, r.category, r.categoryName, r.value, r.collectedAt, r.legalBases.join('; ')]));
}
