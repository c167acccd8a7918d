import { PACK_LABELS } from './pack-labels';
import { requestStatistics, requestStatisticsCsv } from './request-stats';

const at = (s: string) => new Date(s);

describe('request statistics', () => {
  const rows = [
    { type: 'access', state: 'completed', receivedAt: at('2026-03-05T10:00:00Z'), dueAt: at('2026-04-06T20:59:59.999Z'), closedAt: at('2026-03-15T10:00:00Z'), extendedAt: null },
    { type: 'access', state: 'completed', receivedAt: at('2026-03-05T10:00:00Z'), dueAt: at('2026-04-06T20:59:59.999Z'), closedAt: at('2026-04-10T10:00:00Z'), extendedAt: null },
    { type: 'access', state: 'refused', receivedAt: at('2026-03-05T10:00:00Z'), dueAt: at('2026-04-06T20:59:59.999Z'), closedAt: at('2026-03-09T10:00:00Z'), extendedAt: null },
    { type: 'erasure', state: 'extended', receivedAt: at('2026-03-01T10:00:00Z'), dueAt: at('2026-06-01T20:59:59.999Z'), closedAt: null, extendedAt: at('2026-03-20T10:00:00Z') },
    { type: 'erasure', state: 'withdrawn', receivedAt: at('2026-03-01T10:00:00Z'), dueAt: at('2026-04-01T20:59:59.999Z'), closedAt: at('2026-03-02T10:00:00Z'), extendedAt: null },
  ];

  it('counts per type: median days to answer, on-time share, extensions, refusals', () => {
    const [access, erasure, all] = requestStatistics(rows, 'Europe/Tallinn');
    expect(access).toMatchObject({ type: 'access', received: 3, answered: 3, completed: 2, refused: 1, medianDaysToAnswer: 10, answeredOnTime: 2, onTimeShare: 0.667, extensions: 0, refusals: 1 });
    expect(erasure).toMatchObject({ type: 'erasure', received: 2, answered: 0, open: 1, withdrawn: 1, medianDaysToAnswer: null, onTimeShare: null, extensions: 1 });
    expect(all).toMatchObject({ type: 'all', received: 5, answered: 3, extensions: 1, refusals: 1 });
  });

  it("writes them as CSV in the pack's language: its headings and the types in words, every type together last", () => {
    const words = (group: string, code: string, lang: string) => (group === 'types' && lang === 'lv' ? ({ access: 'Piekļuve', erasure: 'Dzēšana' } as Record<string, string>)[code] : undefined);
    const lines = requestStatisticsCsv(requestStatistics(rows, 'Europe/Tallinn'), 'lv', words).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(PACK_LABELS.lv.statistics.join(','));
    expect(lines[0]).toMatch(/^Veids,Saņemti,Atbildēti,/);
    expect(lines[1]).toBe('Piekļuve,3,3,2,1,0,0,10,2,0.667,0,1');
    expect(lines[2]).toMatch(/^Dzēšana,2,0,/);
    expect(lines[3]).toMatch(/^Visi veidi,5,3,/);
  });
});
