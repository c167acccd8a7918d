import { localDateOf, localDaysBetween } from '@regula/engine';
import type { Lang } from '@regula/engine';
import { toCsv } from '@regula/platform';
import { PACK_LABELS } from './pack-labels';
import type { PackWords } from './pack-words';

/** The fields of a rights request the statistics need. */
export interface RequestFacts {
  type: string;
  state: string;
  receivedAt: Date;
  dueAt: Date;
  closedAt: Date | null;
  extendedAt: Date | null;
}

export interface RequestTypeStats {
  type: string;
  received: number;
  /** Completed or refused, with a closing date. */
  answered: number;
  completed: number;
  refused: number;
  withdrawn: number;
  open: number;
  /** Median calendar days from receipt to answer, in the controller's time zone; null with nothing answered. */
  medianDaysToAnswer: number | null;
  answeredOnTime: number;
  /** Share of answered requests answered by their due date (GDPR Art. 12(3)); null with nothing answered. */
  onTimeShare: number | null;
  /** Extended by two further months (Art. 12(3)). */
  extensions: number;
  /** Refused (Art. 12(4), 12(5)). */
  refusals: number;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function stats(type: string, rows: RequestFacts[], timeZone: string): RequestTypeStats {
  const answered = rows.filter((r) => (r.state === 'completed' || r.state === 'refused') && r.closedAt);
  const onTime = answered.filter((r) => r.closedAt!.getTime() <= r.dueAt.getTime()).length;
  return {
    type,
    received: rows.length,
    answered: answered.length,
    completed: rows.filter((r) => r.state === 'completed').length,
    refused: rows.filter((r) => r.state === 'refused').length,
    withdrawn: rows.filter((r) => r.state === 'withdrawn').length,
    // A merged duplicate is answered with its earlier request (libs/requests duplicates.ts): closed, not open.
    open: rows.filter((r) => !['completed', 'refused', 'withdrawn', 'merged'].includes(r.state)).length,
    medianDaysToAnswer: median(answered.map((r) => localDaysBetween(localDateOf(r.receivedAt, timeZone), localDateOf(r.closedAt!, timeZone)))),
    answeredOnTime: onTime,
    onTimeShare: answered.length ? Math.round((onTime / answered.length) * 1000) / 1000 : null,
    extensions: rows.filter((r) => r.extendedAt).length,
    refusals: rows.filter((r) => r.state === 'refused').length,
  };
}

/** Statistics per request type (sorted by type), and for all types together as `all`. */
export function requestStatistics(rows: RequestFacts[], timeZone: string): RequestTypeStats[] {
  const types = [...new Set(rows.map((r) => r.type))].sort();
  return [...types.map((t) => stats(t, rows.filter((r) => r.type === t), timeZone)), stats('all', rows, timeZone)];
}

const COLUMNS: (keyof RequestTypeStats)[] = ['type', 'received', 'answered', 'completed', 'refused', 'withdrawn', 'open', 'medianDaysToAnswer', 'answeredOnTime', 'onTimeShare', 'extensions', 'refusals'];

/** The statistics as CSV in `lang`: its headings, and each type in words (`all`: every type together); the JSON keeps the codes. */
export function requestStatisticsCsv(stats: RequestTypeStats[], lang: Lang, words: PackWords): string {
  const L = PACK_LABELS[lang];
  const type = (t: string) => (t === 'all' ? L.allTypes : (words('types', t, lang) ?? t));
  return `\uFEFF${toCsv(L.statistics, stats.map((s) => COLUMNS.map((c) => (c === 'type' ? type(s.type) : s[c]))))}`;
}
