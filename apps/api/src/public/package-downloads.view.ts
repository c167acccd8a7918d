import { Lang } from '@regula/engine';
import { DOWNLOAD_CODE_TTL_MINUTES, isDataPackage, type PublicRequestStatus } from '@regula/requests';
import { formatInstant } from '../web/format';
import type { PublicTenant } from '../web/public-tenant';
import { pageUrl } from './public-site.service';
import { requestPath } from './request-status.view';

type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The data package on the status page: no direct link (the status link
 * alone never hands the data over), but one form to ask for a download code
 * by e-mail and one to download a file with it; the end of the download
 * window stated, and once it has passed (at `now`, the API's CLOCK) only that.
 */
export function packageDownloadsView(tenant: PublicTenant, lang: Lang, t: T, s: PublicRequestStatus, token: string, now: Date, notice?: { error?: string; done?: string }) {
  const outcome = (s.outcome ?? {}) as { downloads?: unknown };
  const files = (Array.isArray(outcome.downloads) ? outcome.downloads : [])
    .filter((d): d is { id: string; kind?: string; label?: unknown; fileName?: string } => !!d && typeof d === 'object' && typeof (d as { id?: unknown }).id === 'string')
    .filter((d) => isDataPackage(d.kind ?? ''))
    .map((d, i) => ({ id: d.id, label: typeof d.label === 'string' ? d.label : d.fileName ?? d.id, first: i === 0 }));
  if (!files.length || !s.downloadsUntil) return null;
  const base = requestPath(tenant, s.reference);
  const until = formatInstant(s.downloadsUntil, lang, tenant.def.jurisdiction.timeZone);
  // On the API's CLOCK, as the download itself is refused (PackageDownloadsService).
  const expired = new Date(s.downloadsUntil).getTime() <= now.getTime();
  return {
    files,
    expired,
    introText: t('status.packages.intro', { minutes: DOWNLOAD_CODE_TTL_MINUTES }),
    untilText: t(expired ? 'status.packages.expired' : 'status.packages.until', { date: until }),
    codeAction: pageUrl(`${base}/download-code`, lang),
    downloadAction: pageUrl(`${base}/download`, lang),
    token,
    error: notice?.error,
    done: notice?.done,
  };
}
