import { RequestsService, DOCUMENT_METHODS, IdentityMethod } from '@regula/requests';
import type { RequestListItem } from '@regula/requests';
import { requestRow } from '../requests/request-row.view';
import { addDays } from '../requests/request-urgency';
import { withdrawalLimitView } from '../requests/withdrawal-limit.view';
import { HomeContext, HomeSectionSource, HomeSectionView } from './home-section';
import { DUE_SOON_DAYS } from './today-section';

const SHOWN = 10;

/** What tells one requests section from another: its id, the i18n keys of its title and empty text, and the queue's filter for "see all". */
interface RequestsSectionSpec {
  id: string;
  title: string;
  empty: string;
  query: string;
}

/** A home section listing requests: the first SHOWN of `items`, `count` in all, and a link to the filtered queue when there are more. */
function requestsSection(c: HomeContext, spec: RequestsSectionSpec, items: RequestListItem[], count: number): HomeSectionView {
  const { id, query } = spec;
  return {
    id, partial: 'home/requests', title: c.t(spec.title), count, empty: c.t(spec.empty),
    rows: items.slice(0, SHOWN).map((r) => requestRow(r, c.tenant, c.lang, c.today, c.t)),
    more: count > SHOWN ? { href: `/admin/t/${c.tenant.slug}/requests?${query}`, label: c.t('home.seeAll', { count }) } : undefined,
  };
}

/** Overdue requests (the list service sorts overdue first). */
export class OverdueRequestsSection implements HomeSectionSource {
  readonly permission = 'requests:read' as const;
  constructor(private readonly requests: RequestsService) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const page = await this.requests.list(c.tenant.id, { overdue: true, pageSize: SHOWN }, c.now);
    return requestsSection(c, { id: 'overdue', title: 'home.overdue', empty: 'home.overdueNone', query: 'overdue=1' }, page.items, page.total);
  }
}

/** Open requests with a running clock, due within 7 days. */
export class DueSoonSection implements HomeSectionSource {
  readonly permission = 'requests:read' as const;
  constructor(private readonly requests: RequestsService) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const page = await this.requests.list(c.tenant.id, { overdue: false, open: true, dueBefore: addDays(c.today, DUE_SOON_DAYS + 1), pageSize: 100 }, c.now);
    const open = page.items.filter((r) => !r.closedAt && !r.suspended);
    return requestsSection(c, { id: 'due-soon', title: 'home.dueSoon', empty: 'home.dueSoonNone', query: `dueWithin=${DUE_SOON_DAYS}` }, open, open.length);
  }
}

/** Requests waiting for an identity document or its review (signed letter, e-signature). */
export class IdentityWaitingSection implements HomeSectionSource {
  readonly permission = 'requests:read' as const;
  constructor(private readonly requests: RequestsService) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const page = await this.requests.list(c.tenant.id, { state: 'awaiting-identity', pageSize: 100 }, c.now);
    const docs = page.items.filter((r) => DOCUMENT_METHODS.includes(r.identityMethod as IdentityMethod));
    return requestsSection(c, { id: 'identity', title: 'home.identity', empty: 'home.identityNone', query: 'state=awaiting-identity' }, docs, docs.length);
  }
}

/**
 * Open consent withdrawals whose promised outer limit (Inomedis notice clause
 * 15: three working days from receipt) is near or passed, passed first: the
 * withdrawal is in effect since receipt (GDPR Art. 7(3)) and the controller
 * still has to carry it out. Shown only where the controller made that promise.
 */
export class WithdrawalLimitSection implements HomeSectionSource {
  readonly permission = 'requests:read' as const;
  constructor(private readonly requests: RequestsService) {}

  applies(c: HomeContext): boolean {
    return (c.tenant.def.requests?.consentWithdrawalWorkingDays ?? 0) > 0;
  }

  async load(c: HomeContext): Promise<HomeSectionView> {
    const page = await this.requests.list(c.tenant.id, { type: 'consent-withdrawal', open: true, pageSize: 100 }, c.now);
    const flagged = page.items
      .filter((r) => !r.closedAt)
      .map((r) => ({ r, limit: withdrawalLimitView(r, c.tenant, c.lang, c.today, c.t) }))
      .filter((x) => x.limit?.flag)
      .sort((a, b) => a.limit!.dueDate.localeCompare(b.limit!.dueDate))
      .map((x) => x.r);
    return requestsSection(c, { id: 'withdrawal-limit', title: 'home.withdrawals', empty: 'home.withdrawalsNone', query: 'type=consent-withdrawal' }, flagged, flagged.length);
  }
}
