import { answersByMonth, erasuresByMonth, lastMonths, median, requestsByType, totals } from './chart-figures';

describe('chart figures', () => {
  it('lastMonths: 12 months ending with the current one, across a year boundary', () => {
    const m = lastMonths('2026-02-15');
    expect(m).toHaveLength(12);
    expect(m[0]).toBe('2025-03');
    expect(m[10]).toBe('2026-01');
    expect(m[11]).toBe('2026-02');
    expect(lastMonths('2026-12-31', 3)).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('median: odd, even, none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('requestsByType: one series per type with requests, in the given order; rows outside the months are ignored', () => {
    const months = ['2026-01', '2026-02', '2026-03'];
    const s = requestsByType(
      [
        { month: '2026-01', type: 'erasure', count: 2 },
        { month: '2026-03', type: 'access', count: 1 },
        { month: '2026-03', type: 'erasure', count: 4 },
        { month: '2025-12', type: 'access', count: 9 },
        { month: '2026-02', type: 'unknown', count: 9 },
      ],
      months,
      ['access', 'rectification', 'erasure'],
    );
    expect(s).toEqual([
      { type: 'access', values: [0, 0, 1] },
      { type: 'erasure', values: [2, 0, 4] },
    ]);
    expect(totals(s, months)).toEqual([2, 0, 5]);
  });

  it('answersByMonth: completed, on time, share and median per month; null without completed requests', () => {
    const a = answersByMonth(
      [
        { month: '2026-01', onTime: true, days: 10 },
        { month: '2026-01', onTime: false, days: 40 },
        { month: '2026-01', onTime: true, days: 20 },
        { month: '2026-03', onTime: true, days: 2.25 },
      ],
      ['2026-01', '2026-02', '2026-03'],
    );
    expect(a[0]).toEqual({ month: '2026-01', completed: 3, onTime: 2, onTimeRate: 66.7, medianDays: 20 });
    expect(a[1]).toEqual({ month: '2026-02', completed: 0, onTime: 0, onTimeRate: null, medianDays: null });
    expect(a[2]).toEqual({ month: '2026-03', completed: 1, onTime: 1, onTimeRate: 100, medianDays: 2.3 });
  });

  it('erasuresByMonth: sums the runs of each month', () => {
    expect(erasuresByMonth([{ month: '2026-02', erased: 3 }, { month: '2026-02', erased: 4 }, { month: '2026-03', erased: 1 }], ['2026-01', '2026-02', '2026-03'])).toEqual([0, 7, 1]);
  });
});
