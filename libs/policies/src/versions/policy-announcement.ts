import type { PolicyVersionSummary } from './policy-versions.service';

/** What every place that announces a material change says about it (public pages, sign-in page, dashboard). */
export interface AnnouncementFacts {
  /** The version takes effect after `today` (else it took effect within the announcement window). */
  upcoming: boolean;
  number: number;
  /** 'YYYY-MM-DD' in the tenant's calendar. */
  effectiveDate: string;
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
    summary: a.changeSummary,
    diffPath: `/t/${encodeURIComponent(slug)}/privacy/diff?${query.toString()}`,
  };
}
