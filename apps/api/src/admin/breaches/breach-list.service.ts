import { Injectable } from '@nestjs/common';
import { BreachesService } from '@regula/breaches';
import { Lang } from '@regula/engine';
import { formatInstant } from '../../web/format';
import { pageOf, pagerOf } from '../consents/pager';
import type { AdminTenant } from '../shared/admin-request';
import { breachClockWords } from './breach-clock.view';

type T = (key: string, vars?: Record<string, unknown>) => string;
const PAGE_SIZE = 50;
const STATUSES = ['open', 'subjects-pending', 'notified', 'documented', 'closed'] as const;

/** The breach register: open breaches first, nearest deadline first (BreachesService.list, as the REST API), each with its clock in words. */
@Injectable()
export class BreachListPage {
  constructor(private readonly breaches: BreachesService) {}

  async build(tenant: AdminTenant, lang: Lang, t: T, q: Record<string, unknown>, now: Date) {
    const status = typeof q.status === 'string' && (STATUSES as readonly string[]).includes(q.status) ? q.status : undefined;
    const page = pageOf(q.page);
    const { items, total } = await this.breaches.list(tenant.id, { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, now);
    const base = `/admin/t/${tenant.slug}/breaches`;
    const when = (d: Date) => formatInstant(d, lang, tenant.timeZone);
    return {
      action: base,
      exports: { xlsx: `${base}/export?format=xlsx`, pdf: `${base}/export?format=pdf` },
      newHref: tenant.permissions.includes('breaches:write') ? `${base}/new` : undefined,
      statuses: STATUSES.map((s) => ({ value: s, label: t(`breaches.status.${s}`), selected: s === status })),
      filtered: !!status,
      rows: items.map((b) => {
        const clock = breachClockWords(b, now, t);
        return {
          href: `${base}/${b.id}`,
          reference: b.reference,
          title: b.title,
          status: t(`breaches.status.${b.status}`),
          risk: b.risk ? t(`breaches.risk.${b.risk}`) : t('breaches.risk.none'),
          aware: when(b.awareAt),
          deadline: when(b.clock.deadlineAt),
          deadlineIso: new Date(b.clock.deadlineAt).toISOString(),
          left: clock.words,
          urgency: clock.urgency,
          flag: clock.urgency === 'overdue' ? t('breaches.flagPassed') : undefined,
        };
      }),
      pager: pagerOf(t, 'breaches.pageOf', page, total, PAGE_SIZE, (n) => `${base}?${new URLSearchParams({ ...(status ? { status } : {}), ...(n > 1 ? { page: String(n) } : {}) }).toString()}`.replace(/\?$/, '')),
    };
  }
}
