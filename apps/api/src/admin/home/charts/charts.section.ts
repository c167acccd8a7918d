import type { Lang } from '@regula/engine';
import { REQUEST_TYPES } from '@regula/requests';
import type { HomeContext, HomeSectionSource, HomeSectionView } from '../home-section';
import { answersByMonth, erasuresByMonth, lastMonths, requestsByType, totals } from './chart-figures';
import { ChartQueries } from './chart-queries.service';
import { PALETTE, barChartSvg } from './chart-svg';

/** One chart of the section: its heading, the SVG (escaped by chart-svg) and the same figures as a table. */
export interface ChartView {
  id: string;
  heading: string;
  svg: string;
  table: { head: string[]; rows: { month: string; cells: string[] }[] };
}

function monthName(month: string, lang: Lang, style: 'short' | 'long'): string {
  const [y, m] = month.split('-').map(Number);
  const opts: Intl.DateTimeFormatOptions = style === 'short' ? { month: 'short', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(lang, opts).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * The home page's charts for the last 12 months: requests per month by type
 * (stacked), the share of completed requests answered by their due date, the
 * median days to answer, and (with retention:read) the records retention
 * runs erased. Months are the controller's; the count in the heading is the
 * requests received in the period.
 */
export class ChartsSection implements HomeSectionSource {
  readonly permission = 'requests:read' as const;
  constructor(private readonly queries: ChartQueries) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const { tenant, lang, t, now } = c;
    const months = lastMonths(c.today);
    const axis = months.map((m) => monthName(m, lang, 'short'));
    const long = months.map((m) => monthName(m, lang, 'long'));
    const range = { from: long[0], to: long[long.length - 1] };
    const num = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const int = (v: number) => num.format(v);
    const share = (v: number) => pct.format(v / 100);
    const dash = '–';

    const withRetention = tenant.permissions.includes('retention:read');
    const [requested, completed, erased] = await Promise.all([
      this.queries.requestsPerMonth(tenant.id, tenant.timeZone, now),
      this.queries.completedPerMonth(tenant.id, tenant.timeZone, now),
      withRetention ? this.queries.erasuresPerMonth(tenant.id, tenant.timeZone, now) : Promise.resolve([]),
    ]);

    const types = Object.keys(REQUEST_TYPES);
    const byType = requestsByType(requested, months, types);
    const monthTotals = totals(byType, months);
    const total = monthTotals.reduce((a, b) => a + b, 0);
    const peak = monthTotals.indexOf(Math.max(...monthTotals));
    const charts: ChartView[] = [];

    charts.push({
      id: 'chart-requests',
      heading: t('charts.requestsTitle'),
      svg: barChartSvg({
        id: 'chart-requests', title: t('charts.requestsTitle'),
        desc: total ? t('charts.requestsDesc', { ...range, total: int(total), peak: long[peak], peakCount: int(monthTotals[peak]) }) : t('charts.requestsDescNone', range),
        labels: axis, format: int,
        series: byType.map((s) => ({ label: t(`types.${s.type}`), values: s.values, colour: PALETTE[types.indexOf(s.type) % PALETTE.length] })),
      }),
      table: {
        head: [t('charts.month'), ...byType.map((s) => t(`types.${s.type}`)), t('charts.total')],
        rows: months.map((_, i) => ({ month: long[i], cells: [...byType.map((s) => int(s.values[i])), int(monthTotals[i])] })),
      },
    });

    const answers = answersByMonth(completed, months);
    const done = answers.reduce((a, m) => a + m.completed, 0);
    const onTime = answers.reduce((a, m) => a + m.onTime, 0);
    charts.push({
      id: 'chart-on-time',
      heading: t('charts.onTimeTitle'),
      svg: barChartSvg({
        id: 'chart-on-time', title: t('charts.onTimeTitle'),
        desc: t('charts.onTimeDesc', { ...range, onTime: int(onTime), completed: int(done), share: done ? share((onTime / done) * 100) : dash }),
        labels: axis, format: share, max: 100,
        series: [{ label: t('charts.share'), values: answers.map((m) => m.onTimeRate), colour: '#00785A' }],
      }),
      table: {
        head: [t('charts.month'), t('charts.completed'), t('charts.onTime'), t('charts.share')],
        rows: answers.map((m, i) => ({ month: long[i], cells: [int(m.completed), int(m.onTime), m.onTimeRate === null ? dash : share(m.onTimeRate)] })),
      },
    });

    const all = answersByMonth(completed.map((r) => ({ ...r, month: 'all' })), ['all'])[0];
    charts.push({
      id: 'chart-median',
      heading: t('charts.medianTitle'),
      svg: barChartSvg({
        id: 'chart-median', title: t('charts.medianTitle'),
        desc: t('charts.medianDesc', { ...range, median: all.medianDays === null ? dash : int(all.medianDays) }),
        labels: axis, format: int,
        series: [{ label: t('charts.median'), values: answers.map((m) => m.medianDays), colour: '#0072B2' }],
      }),
      table: {
        head: [t('charts.month'), t('charts.completed'), t('charts.median')],
        rows: answers.map((m, i) => ({ month: long[i], cells: [int(m.completed), m.medianDays === null ? dash : int(m.medianDays)] })),
      },
    });

    if (withRetention) {
      const perMonth = erasuresByMonth(erased, months);
      const sum = perMonth.reduce((a, b) => a + b, 0);
      charts.push({
        id: 'chart-erasures',
        heading: t('charts.erasuresTitle'),
        svg: barChartSvg({
          id: 'chart-erasures', title: t('charts.erasuresTitle'),
          desc: t('charts.erasuresDesc', { ...range, total: int(sum) }),
          labels: axis, format: int,
          series: [{ label: t('charts.erased'), values: perMonth, colour: '#5E4FA2' }],
        }),
        table: { head: [t('charts.month'), t('charts.erased')], rows: perMonth.map((v, i) => ({ month: long[i], cells: [int(v)] })) },
      });
    }

    return { id: 'charts', partial: 'home/charts', title: t('charts.title'), count: total, note: t('charts.note'), charts };
  }
}
