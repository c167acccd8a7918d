import { BreachesService } from '@regula/breaches';
import { formatInstant } from '../../web/format';
import { HomeContext, HomeSectionSource, HomeSectionView } from './home-section';

/** Breaches whose 72-hour clock (GDPR Art. 33) runs: the authority not yet notified. */
export class BreachClockSection implements HomeSectionSource {
  readonly permission = 'breaches:read' as const;
  constructor(private readonly breaches: BreachesService) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const { items } = await this.breaches.list(c.tenant.id, { status: 'open', limit: 50 }, c.now);
    const running = items.filter((b) => !b.authorityNotifiedAt);
    return {
      id: 'breaches', partial: 'home/breaches', title: c.t('home.breaches'), count: running.length, empty: c.t('home.breachesNone'),
      rows: running.map((b) => ({
        reference: b.reference,
        title: b.title,
        url: `/admin/t/${encodeURIComponent(c.tenant.slug)}/breaches/${b.id}`,
        deadline: formatInstant(b.clock.deadlineAt, c.lang, c.tenant.timeZone),
        deadlineIso: new Date(b.clock.deadlineAt).toISOString(),
        left: b.clock.overdue ? c.t('home.breachOverdue') : c.t('home.breachHoursLeft', { hours: Math.max(0, Math.floor(b.clock.hoursLeft ?? 0)) }),
        urgency: b.clock.overdue ? 'overdue' : (b.clock.hoursLeft ?? 0) <= 24 ? 'critical' : 'soon',
      })),
    };
  }
}
