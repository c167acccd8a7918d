import { RequestsService } from '@regula/requests/requests.service';
import { DOCUMENT_METHODS, IdentityMethod } from '@regula/requests/request-types';
import { requestRow } from '../requests/request-row.view';
import { addDays } from '../requests/request-urgency';
import { HomeContext, HomeSectionSource, HomeSectionView } from './home-section';

const SHOWN = 10;

/** Overdue requests (the list service sorts overdue first). */
export class OverdueRequestsSection implements HomeSectionSource {
  readonly permission = 'requests:read' as const;
  constructor(private readonly requests: RequestsService) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const page = await this.requests.list(c.tenant.id, { overdue: true, pageSize: SHOWN }, c.now);
    return {
      id: 'overdue', partial: 'home/requests', title: c.t('home.overdue'), count: page.total, empty: c.t('home.overdueNone'),
      rows: page.items.map((r) => requestRow(r, c.tenant, c.lang, c.today, c.t)),
      more: page.total > SHOWN ? { href: `/admin/t/${c.tenant.slug}/requests?overdue=1`, label: c.t('home.seeAll', { count: page.total }) } : undefined,
    };
  }
}

/** Open requests with a running clock, due within 7 days. */
export class DueSoonSection implements HomeSectionSource {
  readonly permission = 'requests:read' as const;
  constructor(private readonly requests: RequestsService) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const page = await this.requests.list(c.tenant.id, { overdue: false, dueBefore: addDays(c.today, 8), pageSize: 100 }, c.now);
    const open = page.items.filter((r) => !r.closedAt && !r.suspended);
    return {
      id: 'due-soon', partial: 'home/requests', title: c.t('home.dueSoon'), count: open.length, empty: c.t('home.dueSoonNone'),
      rows: open.slice(0, SHOWN).map((r) => requestRow(r, c.tenant, c.lang, c.today, c.t)),
      more: open.length > SHOWN ? { href: `/admin/t/${c.tenant.slug}/requests?dueWithin=7`, label: c.t('home.seeAll', { count: open.length }) } : undefined,
    };
  }
}

/** Requests waiting for an identity document or its review (signed letter, e-signature). */
export class IdentityWaitingSection implements HomeSectionSource {
  readonly permission = 'requests:read' as const;
  constructor(private readonly requests: RequestsService) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const page = await this.requests.list(c.tenant.id, { state: 'awaiting-identity', pageSize: 100 }, c.now);
    const docs = page.items.filter((r) => DOCUMENT_METHODS.includes(r.identityMethod as IdentityMethod));
    return {
      id: 'identity', partial: 'home/requests', title: c.t('home.identity'), count: docs.length, empty: c.t('home.identityNone'),
      rows: docs.slice(0, SHOWN).map((r) => requestRow(r, c.tenant, c.lang, c.today, c.t)),
      more: docs.length > SHOWN ? { href: `/admin/t/${c.tenant.slug}/requests?state=awaiting-identity`, label: c.t('home.seeAll', { count: docs.length }) } : undefined,
    };
  }
}
