import type { Permission } from '@regula/auth';
import { TenantDb } from '@regula/platform';
import { FactConfirmationsService } from '@regula/registers';
import { RequestsService } from '@regula/requests';
import { DUE_SQL } from '@regula/retention';
import { addDays } from '../requests/request-urgency';
import { HomeContext, HomeSectionSource, HomeSectionView } from './home-section';

/** "Due soon" on the home page: within this many days (the due-soon section and its queue link say the same). */
export const DUE_SOON_DAYS = 7;

/** One line of the list: a count, what it counts (an ICU plural) and the page that lists them. */
interface TodayLine {
  id: string;
  permission: Permission;
  count: number;
  label: string;
  href: string;
}

/**
 * "Today": everything that needs action, one line each with its count and a
 * link to the filtered list or page that shows those things: new requests
 * nobody acted on, open requests without a handler, identity information
 * awaited (Art. 12(6)), deadlines passed and near (Art. 12(3)), records past
 * their retention period with no run that erased them (Art. 5(1)(e)), open
 * breaches the authority has not been told of (Art. 33(1), 72 hours), facts
 * waiting for a person's confirmation. Each count is one indexed query (the
 * requests' five in one statement); a line shows only to who may open its list.
 */
export class TodaySection implements HomeSectionSource {
  readonly permission = 'tenant:read' as const;
  constructor(private readonly requests: RequestsService, private readonly db: TenantDb, private readonly facts: FactConfirmationsService) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const may = (p: Permission) => c.tenant.permissions.includes(p);
    const base = `/admin/t/${encodeURIComponent(c.tenant.slug)}`;
    const [requests, stores, facts] = await Promise.all([
      may('requests:read') ? this.requests.todayCounts(c.tenant.id, addDays(c.today, DUE_SOON_DAYS + 1), c.now) : undefined,
      this.storeCounts(c.tenant.id, c.now),
      may('registers:read') ? this.facts.toConfirmCount(c.tenant.id) : 0,
    ]);
    const line = (id: string, permission: Permission, count: number, href: string, vars: Record<string, unknown> = {}): TodayLine => ({
      id, permission, count, href: `${base}${href}`, label: c.t(`home.today.${id}`, { count, ...vars }),
    });
    const lines: TodayLine[] = [
      line('received', 'requests:read', requests?.received ?? 0, '/requests?state=received'),
      line('unassigned', 'requests:read', requests?.unassigned ?? 0, '/requests?unassigned=1'),
      line('identity', 'requests:read', requests?.awaitingIdentity ?? 0, '/requests?state=awaiting-identity'),
      line('overdue', 'requests:read', requests?.overdue ?? 0, '/requests?overdue=1'),
      line('dueSoon', 'requests:read', requests?.dueSoon ?? 0, `/requests?dueWithin=${DUE_SOON_DAYS}`, { days: DUE_SOON_DAYS }),
      line('retention', 'retention:read', stores.retention, '/retention'),
      line('breaches', 'breaches:read', stores.breaches, '/breaches?status=open'),
      line('facts', 'registers:read', facts, '/facts'),
    ].filter((l) => may(l.permission));
    const pending = lines.filter((l) => l.count > 0);
    return {
      id: 'today', partial: 'home/today', title: c.t('home.today.title'), count: pending.length,
      intro: c.t('home.today.intro'), empty: c.t('home.today.allClear'),
      lines: pending.map(({ id, count, label, href }) => ({ id, count, label, href })),
    };
  }

  /** Records past their retention period not erased and not on legal hold (the `personal_data_records_due` index), and open breaches without the authority's notification. */
  private async storeCounts(tenantId: string, now: Date): Promise<{ retention: number; breaches: number }> {
    const [row] = await this.db.forTenant(tenantId, (em) =>
      em.query(
        `SELECT (SELECT count(*)::int FROM personal_data_records r WHERE ${DUE_SQL} AND NOT r.legal_hold) AS retention,
                (SELECT count(*)::int FROM breaches b WHERE b.tenant_id = $1 AND b.status = 'open' AND b.authority_notified_at IS NULL) AS breaches`,
        [tenantId, now],
      ),
    );
    return { retention: row.retention, breaches: row.breaches };
  }
}
