import { csvRows } from '@regula/exports';
import { parseRequestHistory } from '@regula/requests';
import { tenantFactsOf } from '@regula/requests/testing';
import { TENANTS } from '@regula/tenants';
import { demoHistoryCsv } from './demo-history';

describe('demo history', () => {
  const now = new Date('2026-06-15T10:00:00Z');
  it.each(TENANTS.map((d) => [d.slug, d] as const))('%s: a year of closed requests the import reads back, the same for the same clock', (_slug, def) => {
    const facts = tenantFactsOf(def);
    const csv = demoHistoryCsv(facts, now);
    expect(demoHistoryCsv(facts, now)).toBe(csv);
    const { requests, problems } = parseRequestHistory(csvRows(csv), facts.timeZone, now, (_l, k) => k);
    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(100);
    expect(requests.length).toBeLessThan(250);
    const first = Math.min(...requests.map((r) => r.receivedAt.getTime()));
    expect(now.getTime() - first).toBeGreaterThan(330 * 86_400_000);
    expect(requests.every((r) => r.closedAt < now && r.closedAt >= r.receivedAt)).toBe(true);
    expect(new Set(requests.map((r) => r.state))).toEqual(new Set(['completed', 'refused', 'withdrawn']));
    expect(requests.some((r) => r.extendedAt)).toBe(true);
  });
});
