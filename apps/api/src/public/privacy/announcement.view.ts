import { Lang } from '@regula/engine';
import { PolicyVersionSummary, announcementFacts } from '@regula/policies';
import { PublicTenant } from '../../web/public-tenant';
import { formatDate } from '../../web/format';

export interface AnnouncementView {
  title: string;
  text: string;
  linkText: string;
  url: string;
}

/** The banner announcing a material policy change (the seeds promise it on the service's pages). */
export function announcementView(a: PolicyVersionSummary, tenant: PublicTenant, lang: Lang, t: (k: string, v?: Record<string, unknown>) => string, today: string): AnnouncementView {
  const f = announcementFacts(a, tenant.slug, lang, today);
  return {
    title: t('privacy.announcementTitle'),
    text: withSummary(t(f.upcoming ? 'privacy.announcementUpcoming' : 'privacy.announcementRecent', { number: f.number, date: formatDate(f.effectiveDate, lang), summary: f.summary ?? '' }), f.summary),
    linkText: t('privacy.announcementLink'),
    url: f.diffPath,
  };
}

/** A version published before summaries were per language may have none in `lang`: the sentence then ends where the summary would begin. */
function withSummary(text: string, summary: string | null): string {
  return summary ? text : text.replace(/[:\s]+$/u, '.');
}
