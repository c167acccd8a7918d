import { createHash } from 'node:crypto';
import { REFERENCE_ALPHABET, REQUEST_EXPORT_COLUMNS, REQUEST_TYPES, identityMethodFor, offersType } from '@regula/requests';
import type { HistoricChannel, HistoricState, RequestExportColumn, RequestType, TenantFacts } from '@regula/requests';
import { toCsv } from '@regula/platform';
import { Rng, weighted } from './demo-data';

const DAY = 86_400_000;

/** Requests of the past per demo tenant: about a year's worth, a few a week. */
export const DEMO_HISTORY_MONTHS = 12;

/** The columns the demo's file fills, as the requests list's export names them (the codes, which the import reads too). */
const COLUMNS: RequestExportColumn[] = REQUEST_EXPORT_COLUMNS.filter((c) => !['handler', 'dueDate', 'onTime'].includes(c));

/** A type's weight: access and erasure are asked most. */
const TYPE_WEIGHTS: Partial<Record<RequestType, number>> = { access: 10, erasure: 6, rectification: 3, 'consent-withdrawal': 4, objection: 1, 'objection-direct-marketing': 2, portability: 1, restriction: 1 };

/**
 * A demo tenant's closed requests of the past as the requests list's CSV
 * export writes them (codes as headings and values, instants in ISO 8601),
 * so that the home page's charts and the evidence pack's statistics have a
 * year to show: deterministic for the tenant and `now` (the injected clock at
 * seeding; seeded PRNG), receipts from `DEMO_HISTORY_MONTHS` months ago to five
 * weeks ago, each closed before `now`, most in time (Art. 12(3)), a few
 * extended, refused or withdrawn; only the types the tenant offers; no
 * requester identity. Written through the history import (`HistoricRequests`).
 */
export function demoHistoryCsv(facts: TenantFacts, now: Date): string {
  const rng = new Rng(`history:${facts.slug}`);
  const types = (Object.keys(REQUEST_TYPES) as RequestType[]).filter((t) => offersType(facts, t) && TYPE_WEIGHTS[t]);
  const from = now.getTime() - DEMO_HISTORY_MONTHS * 30 * DAY;
  const to = now.getTime() - 35 * DAY;
  const references = new Set<string>();
  const rows: string[][] = [];
  for (let at = from; at < to; at += rng.int(1, 4) * DAY) {
    const received = rng.date(new Date(at), new Date(at + DAY));
    const type = weighted(rng, types.map((t) => [t, TYPE_WEIGHTS[t]!] as [RequestType, number]));
    const channel = weighted<HistoricChannel>(rng, [['web-form', 12], ['e-mail', 5], ['post', 2], ['phone', 1]]);
    const state = weighted<HistoricState>(rng, [['completed', 17], ['refused', 2], ['withdrawn', 1]]);
    const confirmed = state === 'withdrawn' && rng.chance(0.5) ? null : new Date(received.getTime() + rng.int(10, 48 * 60) * 60_000);
    const extended = state === 'completed' && rng.chance(0.06);
    // Most answered within the month, one in twelve late; an extended one within three months.
    const days = extended ? rng.int(35, 80) : rng.chance(1 / 12) ? rng.int(32, 40) : rng.int(2, 28);
    const closed = new Date(Math.min(received.getTime() + days * DAY + rng.int(0, 8 * 60) * 60_000, now.getTime() - DAY));
    const extendedAt = extended ? new Date(received.getTime() + rng.int(18, 27) * DAY) : null;
    let reference: string;
    do reference = `R-${code(rng)}-${code(rng)}`;
    while (references.has(reference));
    references.add(reference);
    const cells: Record<string, string> = {
      reference, received: received.toISOString(), channel, type, identityMethod: identityMethodFor(facts, type),
      identityConfirmedAt: confirmed && confirmed < closed ? confirmed.toISOString() : '', state,
      extended: extended ? 'yes' : 'no', extendedAt: extendedAt?.toISOString() ?? '', answeredAt: closed.toISOString(),
    };
    rows.push(COLUMNS.map((c) => cells[c]));
  }
  return toCsv(COLUMNS, rows);
}

function code(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 4; i++) s += REFERENCE_ALPHABET[rng.int(0, REFERENCE_ALPHABET.length - 1)];
  return s;
}

export const demoHistorySha256 = (csv: string) => createHash('sha256').update(csv).digest('hex');
