import { Lang } from '@regula/engine';
import type { PolicyVersionSummary } from '@regula/policies';
import { pageUrl } from '../public-site.service';
import { PublicTenant } from '../public-tenant';
import { formatDate } from '../format';

export interface AnnouncementView {
  title: string;
  text: string;
  linkText: string;
  url: string;
}

/** The banner announcing a material policy change (the seeds promise it on the service's pages). */
export function announcementView(a: PolicyVersionSummary, tenant: PublicTenant, lang: Lang, t: (k: string, v?: Record<string, unknown>) => string, today: string): AnnouncementView {
  const upcoming = (a.effectiveDate ?? '') > today;
  return {
    title: t('privacy.announcementTitle'),
    text: t(upcoming ? 'privacy.announcementUpcoming' : 'privacy.announcementRecent', { number: a.number, date: formatDate(a.effectiveDate!, lang), summary: a.changeSummary }),
    linkText: t('privacy.announcementLink'),
    url: pageUrl(`/t/${tenant.slug}/privacy/diff`, lang, { from: String((a.number ?? 2) - 1), to: String(a.number) }),
  };
}
