/**
 * The figures of the home page's charts, as pure functions of the rows the
 * chart queries return (months are 'YYYY-MM' in the controller's time zone).
 */

/** The `n` months ending with the month of `today` ('YYYY-MM-DD'), oldest first. */
export function lastMonths(today: string, n = 12): string[] {
  const [y, m] = today.split('-').map(Number);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const k = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface RequestCountRow {
  month: string;
  type: string;
  count: number;
}

export interface TypeSeries {
  type: string;
  /** One count per month. */
  values: number[];
}

/** Requests received per month and type: one series per type that has any, in `types` order. */
export function requestsByType(rows: readonly RequestCountRow[], months: readonly string[], types: readonly string[]): TypeSeries[] {
  const at = new Map(months.map((m, i) => [m, i]));
  const series = new Map(types.map((t) => [t, months.map(() => 0)]));
  for (const r of rows) {
    const i = at.get(r.month);
    const s = series.get(r.type);
    if (i !== undefined && s) s[i] += Number(r.count);
  }
  return types.filter((t) => series.get(t)!.some((v) => v > 0)).map((type) => ({ type, values: series.get(type)! }));
}

/** Month totals of stacked series. */
export function totals(series: readonly { values: readonly number[] }[], months: readonly string[]): number[] {
  return months.map((_, i) => series.reduce((sum, s) => sum + s.values[i], 0));
}

export interface CompletedRow {
  /** Month the request was completed. */
  month: string;
  /** Completed by its due date (the extended one, if extended). */
  onTime: boolean;
  /** Days from receipt to completion. */
  days: number;
}

export interface AnswerMonth {
  month: string;
  completed: number;
  onTime: number;
  /** Share answered on time, in per cent (one decimal); null without completed requests. */
  onTimeRate: number | null;
  /** Median days to answer (one decimal); null without completed requests. */
  medianDays: number | null;
}

/** Per month of completion: how many, how many on time, the on-time share, and the median days to answer. */
export function answersByMonth(rows: readonly CompletedRow[], months: readonly string[]): AnswerMonth[] {
  return months.map((month) => {
    const mine = rows.filter((r) => r.month === month);
    const onTime = mine.filter((r) => r.onTime).length;
    const med = median(mine.map((r) => Number(r.days)));
    return {
      month,
      completed: mine.length,
      onTime,
      onTimeRate: mine.length ? round1((onTime / mine.length) * 100) : null,
      medianDays: med === null ? null : round1(med),
    };
  });
}

export interface ErasureRow {
  month: string;
  erased: number;
}

/** Records erased by retention runs per month (of the run's start). */
export function erasuresByMonth(rows: readonly ErasureRow[], months: readonly string[]): number[] {
  return months.map((m) => rows.filter((r) => r.month === m).reduce((sum, r) => sum + Number(r.erased), 0));
}

export function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
