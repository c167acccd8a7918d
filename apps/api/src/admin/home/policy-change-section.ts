import { PolicyVersionsService } from '@regula/policies';
import { formatDate } from '../../public/format';
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
    const base = `/t/${encodeURIComponent(c.tenant.slug)}/privacy`;
    return {
      id: 'policy-change',
      partial: 'home/policy-change',
      title: c.t('home.policyChange'),
      count: a ? 1 : 0,
      empty: c.t('home.policyChangeNone'),
      change: a
        ? {
            text: c.t(a.effectiveDate! > c.today ? 'home.policyChangeUpcoming' : 'home.policyChangeRecent', { number: a.number, date: formatDate(a.effectiveDate!, c.lang) }),
            summary: a.changeSummary,
            diffUrl: `${base}/diff?lang=${c.lang}&from=${(a.number ?? 2) - 1}&to=${a.number}`,
            policiesUrl: `/admin/t/${encodeURIComponent(c.tenant.slug)}/policies`,
          }
        : undefined,
    };
  }
}
