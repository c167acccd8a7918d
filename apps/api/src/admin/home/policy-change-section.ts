import { PolicyVersionsService, announcementFacts } from '@regula/policies';
import { formatDate } from '../../web/format';
import { HomeContext, HomeSectionSource, HomeSectionView } from './home-section';

/**
 * A material change of the privacy policy being announced (taking effect, or
 * in force for less than 30 days): shown on the dashboard as the tenants
 * promise (Medical Management: "on the dashboard after sign-in").
 */
export class PolicyChangeSection implements HomeSectionSource {
  readonly permission = 'policies:read' as const;
  constructor(private readonly policies: PolicyVersionsService) {}

  async load(c: HomeContext): Promise<HomeSectionView> {
    const a = await this.policies.announcement(c.tenant.id, c.now);
    const f = a && announcementFacts(a, c.tenant.slug, c.lang, c.today);
    return {
      id: 'policy-change',
      partial: 'home/policy-change',
      title: c.t('home.policyChange'),
      count: f ? 1 : 0,
      empty: c.t('home.policyChangeNone'),
      change: f
        ? {
            text: c.t(f.upcoming ? 'home.policyChangeUpcoming' : 'home.policyChangeRecent', { number: f.number, date: formatDate(f.effectiveDate, c.lang) }),
            summary: f.summary,
            diffUrl: f.diffPath,
            policiesUrl: `/admin/t/${encodeURIComponent(c.tenant.slug)}/policies`,
          }
        : undefined,
    };
  }
}
