import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLOCK, Clock, systemClock } from '@regula/platform';
import { Lang } from '@regula/engine';
import { REQUEST_STATES, REQUEST_TYPES, RequestsService } from '@regula/requests';
import type { RequestListItem } from '@regula/requests';
import type { AdminTenant } from '../shared/admin-request';
import { filterQuery, listFilter, parseFilters, QueueFilters } from './request-list.query';
import { requestRow } from './request-row.view';
import { todayIn } from './request-urgency';
import type { RequestExportFilter } from '../../requests/export/request-list-export.service';
import { REQUEST_EXPORT_FORMATS } from '../../requests/export/request-list.files';

type T = (key: string, vars?: Record<string, unknown>) => string;
const PAGE_SIZE = 25;
/** Search reads at most this many requests (newest filters first): enough for a tenant's open work. */
const SEARCH_PAGES = 20;
const SEARCH_SHOWN = 100;

/** The queue page: RequestsService.list (overdue first, then by due date) with the page's filters, paging and search. */
@Injectable()
export class RequestQueue {
  constructor(private readonly requests: RequestsService, @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock) {}

  async page(tenant: AdminTenant, userId: string, lang: Lang, t: T, query: Record<string, unknown>) {
    const f = parseFilters(query);
    const today = todayIn(tenant.timeZone, this.clock());
    const result = await this.requests.list(tenant.id, listFilter(f, today, PAGE_SIZE, userId));
    const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
    const link = (page: number) => {
      const q = filterQuery(f);
      if (page > 1) q.set('page', String(page));
      const s = q.toString();
      return `/admin/t/${tenant.slug}/requests${s ? `?${s}` : ''}`;
    };
    const exportQuery = filterQuery(f);
    return {
      ...this.common(tenant, lang, t, f, today),
      rows: result.items.map((r) => requestRow(r, tenant, lang, today, t)),
      total: result.total,
      // The whole filtered list (every page) as a file: the same filters, no page.
      exports: REQUEST_EXPORT_FORMATS.map((format) => {
        exportQuery.set('format', format);
        return { format, label: t(`requestExport.${format}`), href: `/admin/t/${tenant.slug}/requests/export?${exportQuery.toString()}` };
      }),
      pager: {
        page: f.page,
        pages,
        summary: t('queue.pageOf', { page: f.page, pages, total: result.total }),
        prev: f.page > 1 ? link(f.page - 1) : undefined,
        next: f.page < pages ? link(f.page + 1) : undefined,
      },
    };
  }

  /** The list's filter from the page's query, without paging: what the export holds. */
  exportFilter(tenant: AdminTenant, userId: string, query: Record<string, unknown>): RequestExportFilter {
    const { page: _page, pageSize: _size, ...filter } = listFilter(parseFilters(query), todayIn(tenant.timeZone, this.clock()), PAGE_SIZE, userId);
    return filter;
  }

  /** Requests whose reference, e-mail address or name contains the text. */
  async search(tenant: AdminTenant, lang: Lang, t: T, text: string) {
    const f = parseFilters({});
    const today = todayIn(tenant.timeZone, this.clock());
    const needle = text.toLowerCase();
    const hits: RequestListItem[] = [];
    if (needle.length >= 2) {
      for (let page = 1; page <= SEARCH_PAGES && hits.length < SEARCH_SHOWN; page++) {
        const r = await this.requests.list(tenant.id, { page, pageSize: 100 });
        for (const item of r.items) {
          if ([item.reference, item.requesterEmail ?? '', item.requesterName].some((v) => v.toLowerCase().includes(needle))) hits.push(item);
        }
        if (page * 100 >= r.total) break;
      }
    }
    return {
      ...this.common(tenant, lang, t, f, today),
      search: { q: text, tooShort: needle.length < 2, summary: t('queue.searchFound', { count: hits.length }) },
      rows: hits.slice(0, SEARCH_SHOWN).map((r) => requestRow(r, tenant, lang, today, t)),
      total: hits.length,
    };
  }

  private common(tenant: AdminTenant, lang: Lang, t: T, f: QueueFilters, today: string) {
    return {
      action: `/admin/t/${tenant.slug}/requests`,
      mineHref: `/admin/t/${tenant.slug}/requests?mine=1`,
      searchAction: `/admin/t/${tenant.slug}/requests/search`,
      filters: {
        states: REQUEST_STATES.map((s) => ({ value: s, label: t(`states.${s}`), selected: s === f.state })),
        types: Object.keys(REQUEST_TYPES).map((s) => ({ value: s, label: t(`types.${s}`), selected: s === f.type })),
        overdue: f.overdue,
        mine: f.mine,
        unassigned: f.unassigned,
        dueWithin: f.dueWithin,
        active: !!(f.state || f.type || f.overdue || f.mine || f.unassigned || f.dueWithin !== undefined),
      },
      today,
    };
  }
}
