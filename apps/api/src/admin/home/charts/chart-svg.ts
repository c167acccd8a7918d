/**
 * Bar charts drawn on the server as inline SVG: no library, no script, no
 * style attribute (the page CSP allows none). Each chart has a <title> and a
 * <desc> (role="img", aria-labelledby both); the page puts the same figures
 * in a table next to it. Every text is escaped here, so the result can be
 * inserted into the page as it is.
 */

export interface BarSeries {
  label: string;
  /** One value per label of the x axis; null: no data for that month. */
  values: readonly (number | null)[];
  /** Fill colour, '#RRGGBB'. */
  colour: string;
}

export interface BarChartSpec {
  /** Unique on the page (ids of the title and desc). */
  id: string;
  title: string;
  desc: string;
  /** The x axis (months). */
  labels: readonly string[];
  /** Several series are stacked, with a legend. */
  series: readonly BarSeries[];
  /** Top of the y axis (100 for a share); otherwise a round number above the largest bar. */
  max?: number;
  /** How values are written on the bars and the axis. */
  format: (v: number) => string;
}

/** Distinct hues for stacked series, each at least 3:1 against white (WCAG 1.4.11); the legend and the table name them. */
export const PALETTE = ['#0072B2', '#C05800', '#00785A', '#A8327E', '#5E4FA2', '#8C6D00', '#1A1A1A', '#6E6E6E', '#B3261E', '#4D7A00'] as const;

const W = 720;
const TOP = 24;
const LEFT = 48;
const RIGHT = 12;
const PLOT_H = 180;
const AXIS_H = 28;
const LEGEND_ROW = 20;
const LEGEND_COLS = 2;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A round number at or above `x` (1, 2 or 5 times a power of ten), at least 1. */
export function niceCeil(x: number): number {
  if (!(x > 1)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const f of [1, 2, 5, 10]) if (f * p >= x) return f * p;
  return 10 * p;
}

/** Month totals of the stacked values (null counts as nothing; all null: null). */
function stackTotals(spec: BarChartSpec): (number | null)[] {
  return spec.labels.map((_, i) => {
    const vs = spec.series.map((s) => s.values[i]);
    return vs.every((v) => v === null || v === undefined) ? null : vs.reduce<number>((a, v) => a + (v ?? 0), 0);
  });
}

const n = (x: number) => (Math.round(x * 10) / 10).toString();

export function barChartSvg(spec: BarChartSpec): string {
  const stacked = spec.series.length > 1;
  const tot = stackTotals(spec);
  const max = spec.max ?? niceCeil(Math.max(0, ...tot.map((v) => v ?? 0)));
  const legendRows = stacked ? Math.ceil(spec.series.length / LEGEND_COLS) : 0;
  const height = TOP + PLOT_H + AXIS_H + (legendRows ? 8 + legendRows * LEGEND_ROW : 0);
  const plotW = W - LEFT - RIGHT;
  const slot = plotW / Math.max(1, spec.labels.length);
  const barW = slot * 0.6;
  const y = (v: number) => TOP + PLOT_H - (Math.min(v, max) / max) * PLOT_H;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" id="${spec.id}">`);
  out.push(`<title id="${spec.id}-title">${escapeXml(spec.title)}</title>`);
  out.push(`<desc id="${spec.id}-desc">${escapeXml(spec.desc)}</desc>`);
  // Axis: gridlines at 0, half and the top, with their values.
  for (const v of [0, max / 2, max]) {
    out.push(`<line class="grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="#C8C8C8" stroke-width="1"/>`);
    out.push(`<text class="axis" x="${LEFT - 6}" y="${n(y(v) + 4)}" text-anchor="end" font-size="12" fill="#3D3D3D">${escapeXml(spec.format(v))}</text>`);
  }
  spec.labels.forEach((label, i) => {
    const x = LEFT + i * slot + (slot - barW) / 2;
    let base = 0;
    spec.series.forEach((s, si) => {
      const v = s.values[i];
      if (v === null || v === undefined || v <= 0) return;
      const top = y(base + v);
      const h = y(base) - top;
      out.push(`<rect class="bar" data-series="${si}" x="${n(x)}" y="${n(top)}" width="${n(barW)}" height="${n(h)}" fill="${s.colour}" stroke="#FFFFFF" stroke-width="${stacked ? 1 : 0}"><title>${escapeXml(`${label}, ${s.label}: ${spec.format(v)}`)}</title></rect>`);
      base += v;
    });
    const t = tot[i];
    out.push(`<text class="value" x="${n(x + barW / 2)}" y="${n((t === null ? y(0) : y(t)) - 5)}" text-anchor="middle" font-size="12" fill="#1A1A1A">${t === null ? '–' : escapeXml(spec.format(t))}</text>`);
    out.push(`<text class="month" x="${n(x + barW / 2)}" y="${TOP + PLOT_H + 18}" text-anchor="middle" font-size="12" fill="#1A1A1A">${escapeXml(label)}</text>`);
  });
  if (stacked) {
    const colW = plotW / LEGEND_COLS;
    spec.series.forEach((s, i) => {
      const lx = LEFT + (i % LEGEND_COLS) * colW;
      const ly = TOP + PLOT_H + AXIS_H + 8 + Math.floor(i / LEGEND_COLS) * LEGEND_ROW;
      out.push(`<rect class="swatch" x="${n(lx)}" y="${ly}" width="12" height="12" fill="${s.colour}"/>`);
      out.push(`<text class="legend" x="${n(lx + 18)}" y="${ly + 11}" font-size="12" fill="#1A1A1A">${escapeXml(s.label)}</text>`);
    });
  }
  out.push('</svg>');
  return out.join('');
}
