import { codeWord, resolveText } from '@regula/engine';
import type { ControllerDefinition, Lang } from '@regula/engine';
import { toCsv } from '@regula/platform';
import { localDateTime } from '@regula/requests';
import { RECORD_LABELS } from '../record/record-labels';
import { PACK_LABELS } from './pack-labels';
import type { PackWordGroup, PackWords } from './pack-words';

/** A request's log for the pack: its reference and dates and its timeline's events, without personal data (no name, address, note, message text or actor). */
export interface RequestLogEntry {
  reference: string;
  type: string;
  channel: string;
  receivedAt: Date;
  identityMethod: string;
  identityConfirmedAt: Date | null;
  extendedAt: Date | null;
  dueAt: Date;
  closedAt: Date | null;
  state: string;
  events: { at: Date; kind: string; from: string | null; to: string | null }[];
}

/** Timeline kinds left out of the pack: an internal note never leaves the controller, even as the fact that one was written. */
export const PACK_HIDDEN_EVENT_KINDS: readonly string[] = ['note'];

const ANSWERED = ['completed', 'refused'];

/**
 * The per-request log as CSV: one row per event (a request without events: one
 * row with its dates), headings and coded values in `lang` (a code without
 * words stays the code), times local to `timeZone`.
 */
export function requestLogCsv(log: RequestLogEntry[], lang: Lang, timeZone: string, words: PackWords): string {
  const when = (d: Date | null) => (d ? localDateTime(new Date(d).toISOString(), timeZone) : '');
  const say = (group: PackWordGroup, code: string | null) => (code === null ? '' : (words(group, code, lang) ?? code));
  const rows = log.flatMap((r) => {
    const head = [r.reference, say('types', r.type), say('channels', r.channel), when(r.receivedAt), when(r.identityConfirmedAt), when(r.extendedAt), when(r.dueAt), ANSWERED.includes(r.state) ? when(r.closedAt) : '', say('states', r.state)];
    return r.events.length ? r.events.map((e) => [...head, when(e.at), say('events', e.kind), say('states', e.from), say('states', e.to)]) : [[...head, '', '', '', '']];
  });
  return `\uFEFF${toCsv(PACK_LABELS[lang].requestLog, rows)}`;
}

export interface ProcessorRow {
  register: string;
  registerName: string;
  processor: string;
  processorName: string;
  contractReference: string | null;
  dpa: boolean | null;
  country: string | null;
}

/** Every processor the registers name (GDPR Art. 28, 30(1)(d)): its register, its contract reference and whether a data-processing agreement is recorded. */
export function processorRows(def: ControllerDefinition, lang: Lang): ProcessorRow[] {
  return def.registers.flatMap((reg) =>
    (reg.recipients === 'none' ? [] : reg.recipients)
      .filter((r) => r.kind === 'processor')
      .map((r) => ({
        register: reg.id,
        registerName: resolveText(reg.name, lang).text,
        processor: r.id,
        processorName: resolveText(r.name, lang).text,
        contractReference: r.contractLink ?? null,
        dpa: typeof r.dpa === 'boolean' ? r.dpa : null,
        country: r.country ?? null,
      })),
  );
}

export function processorsCsv(rows: ProcessorRow[], lang: Lang): string {
  const L = RECORD_LABELS[lang];
  return `\uFEFF${toCsv(
    PACK_LABELS[lang].processors,
    rows.map((r) => [r.registerName, r.processorName, r.contractReference ?? '', r.dpa ? L.dpaInPlace : L.noDpa, r.country ? (codeWord('country', r.country, lang) ?? r.country) : '']),
  )}`;
}

export interface DpiaRow {
  register: string;
  registerName: string;
  required: boolean;
  status: string;
  reason: string;
  link: string | null;
}

/** Each register's data-protection impact assessment as the register records it (GDPR Art. 35): required or not, its status, the reason, its link. */
export function dpiaRows(def: ControllerDefinition, lang: Lang): DpiaRow[] {
  return def.registers.map((reg) => ({
    register: reg.id,
    registerName: resolveText(reg.name, lang).text,
    required: reg.dpia.required,
    status: reg.dpia.status,
    reason: resolveText(reg.dpia.reason, lang).text,
    link: reg.dpia.link ?? null,
  }));
}

export function dpiasCsv(rows: DpiaRow[], lang: Lang): string {
  const P = PACK_LABELS[lang];
  return `\uFEFF${toCsv(P.dpias, rows.map((r) => [r.registerName, r.required ? P.yes : P.no, codeWord('dpiaStatus', r.status, lang) ?? r.status, r.reason, r.link ?? '']))}`;
}
