import { Injectable } from '@nestjs/common';
import type { Lang } from '@regula/engine';
import { PolicyVersionsService } from '@regula/policies';
import { formatDate, formatInstant, languageName } from '../../public/format';
import { todayIn } from '../requests/request-urgency';
import type { AdminTenant } from '../shared/admin-request';
import { factAnchor } from '../facts/facts-page.service';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** What the publish form was sent with (shown again when publishing was refused). */
export interface PublishValues {
  changeSummary: string;
  material: string;
  effectiveDate: string;
}

export interface PublishFailure {
  values: PublishValues;
  error: string;
  /** Refused for the draft's problems (422): the list is pointed at. */
  problems?: boolean;
}

/** The view model of the policies page: announcement, published versions, the open draft and its forms. */
@Injectable()
export class PolicyPages {
  constructor(private readonly policies: PolicyVersionsService) {}

  async list(tenant: AdminTenant, lang: Lang, t: T, failed?: PublishFailure) {
    const [versions, draft, current, announcement] = await Promise.all([
      this.policies.list(tenant.id),
      this.policies.draft(tenant.id),
      this.policies.current(tenant.id),
      this.policies.announcement(tenant.id),
    ]);
    const today = todayIn(tenant.timeZone);
    const canPublish = tenant.permissions.includes('policies:publish');
    const base = `/admin/t/${tenant.slug}/policies`;
    const langNames = (codes: string[]) => codes.map((c) => languageName(c as Lang)).join(', ');
    return {
      announcement: announcement
        ? {
            text: t((announcement.effectiveDate ?? '') > today ? 'policies.announcementUpcoming' : 'policies.announcementRecent', {
              number: announcement.number,
              date: formatDate(announcement.effectiveDate!, lang),
              summary: announcement.changeSummary,
            }),
            diffHref: `${base}/diff?from=${(announcement.number ?? 2) - 1}&to=${announcement.number}`,
          }
        : undefined,
      currentNumber: current?.number,
      versions: versions.map((v) => ({
        number: v.number,
        effective: formatDate(v.effectiveDate!, lang),
        effectiveIso: v.effectiveDate,
        inForce: v.number === current?.number,
        upcoming: (v.effectiveDate ?? '') > today,
        material: v.material,
        summary: v.changeSummary,
        author: v.author,
        hash: v.contentHash,
        languages: langNames(v.languages),
        links: v.languages.map((code) => ({ label: languageName(code as Lang), code, href: `/t/${tenant.slug}/privacy/versions/${v.number}?lang=${code}` })),
      })),
      diffAction: `${base}/diff`,
      diffOptions: versions.length > 1 ? versions.map((v) => ({ value: v.number, fromSelected: v.number === (versions[1]?.number ?? 0), toSelected: v.number === versions[0].number })) : undefined,
      diffLangs: [...new Set(versions.flatMap((v) => v.languages))].map((code) => ({ value: code, label: languageName(code as Lang), selected: code === lang })),
      draft: draft
        ? {
            id: draft.id,
            created: formatInstant(draft.createdAt, lang, tenant.timeZone),
            createdIso: draft.createdAt.toISOString(),
            author: draft.author,
            hash: draft.contentHash,
            languages: langNames(draft.languages),
            previews: draft.languages.map((code) => ({ label: languageName(code as Lang), code, href: `${base}/draft?text=${code}` })),
            registers: draft.registerVersions.map((r) => `${r.key} v${r.version}`).join(', '),
            problems: draft.problems.map((p) => ({
              code: p.code, section: p.section ?? '–', lang: p.lang ? languageName(p.lang as Lang) : '–', message: p.message,
              factHref: p.code === 'unconfirmed-fact' && p.path ? `/admin/t/${tenant.slug}/facts#${factAnchor(p.path)}` : undefined,
            })),
          }
        : undefined,
      canPublish,
      draftAction: `${base}/drafts`,
      publishAction: `${base}/publish`,
      publish: {
        values: failed?.values ?? { changeSummary: '', material: '', effectiveDate: today },
        error: failed?.error,
        problems: failed?.problems,
        minDate: today,
      },
    };
  }
}
