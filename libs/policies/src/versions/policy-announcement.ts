import type { PolicyVersionSummary } from './policy-versions.service';
import { summaryIn } from './change-summary';

/** What every place that announces a material change says about it (public pages, sign-in page, dashboard). */
export interface AnnouncementFacts {
  /** The version takes effect after `today` (else it took effect within the announcement window). */
  upcoming: boolean;
  number: number;
  /** 'YYYY-MM-DD' in the tenant's calendar. */
  effectiveDate: string;
  /** The change summary in `lang`; null when the version has none in that language (never one in another language). */
  summary: string | null;
  /** The public diff of this version against the one before it, in `lang`. */
  diffPath: string;
}

export function announcementFacts(a: PolicyVersionSummary, slug: string, lang: string, today: string): AnnouncementFacts {
  const number = a.number ?? 1;
  const query = new URLSearchParams({ lang, from: String(number - 1), to: String(number) });
  return {
    upcoming: (a.effectiveDate ?? '') > today,
    number,
    effectiveDate: a.effectiveDate ?? '',
    summary: summaryIn(a.changeSummary, lang),
    diffPath: `/t/${encodeURIComponent(slug)}/privacy/diff?${query.toString()}`,
  };
}
