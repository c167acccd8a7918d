import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLOCK, Clock, systemClock } from '@regula/platform';
import type { Lang } from '@regula/engine';
import { findingPlace, findingWords } from '@regula/engine';
import { displayNamesOf } from '@regula/platform';
import { PolicyVersionsService, summaryIn } from '@regula/policies';
import { ControllerDefinitionService } from '@regula/registers';
import { formatDate, formatInstant, languageName } from '../../web/format';
import { todayIn } from '../requests/request-urgency';
import type { AdminTenant } from '../shared/admin-request';
import { factAnchor } from '../facts/facts-page.service';

type T = (key: string, vars?: Record<string, unknown>) => string;

/** What the publish form was sent with (shown again when publishing was refused). */
export interface PublishValues {
  /** Per language of the draft: the summary typed in it. */
  summaries: Record<string, string>;
  material: string;
  effectiveDate: string;
}

/** A language's name in the admin's language ("Latvian" on an English dashboard, "latviešu" on a Latvian one). */
export function languageIn(code: string, lang: Lang): string {
  return displayNamesOf(lang, 'language').of(code) ?? code;
}

/** A version's summaries for the dashboard: the admin's language first, each labelled with its language. */
function summaryLines(summary: Record<string, string> | null, lang: Lang): { lang: string; label: string; text: string }[] {
  const codes = Object.keys(summary ?? {}).sort((a, b) => (a === lang ? -1 : b === lang ? 1 : a.localeCompare(b)));
  return codes.map((code) => ({ lang: code, label: languageIn(code, lang), text: summary![code] }));
}

export interface PublishFailure {
  values: PublishValues;
  error?: string;
  /** The messages behind `error`, one per field (e.g. each language without a summary). */
  errors?: string[];
  /** Refused for the draft's problems (422): the list is pointed at. */
  problems?: boolean;
  /** The review (step 1 of 2): what publishing would do, with the form that confirms it. */
  review?: unknown;
}

/** The view model of the policies page: announcement, published versions, the open draft and its forms. */
@Injectable()
export class PolicyPages {
  constructor(
    private readonly policies: PolicyVersionsService,
    private readonly definitions: ControllerDefinitionService,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /**
   * A draft problem's message for the page: a linter error in words of `lang`
   * (where, by the current definition's names, and what is wrong), with the
   * linter's English message after it on an English page; other problems as
   * they are (English, marked so by the page).
   */
  private async problemWords(tenantId: string, problems: { code: string; path?: string; finding?: string; message: string }[], lang: Lang) {
    const lint = problems.some((p) => p.code === 'lint-error' && p.finding && p.path);
    const def = lint ? (await this.definitions.load(tenantId)).definition : undefined;
    return problems.map((p) => {
      if (p.code !== 'lint-error' || !p.finding || !p.path) return { message: p.message, inWords: false };
      let place = '';
      try {
        place = findingPlace(def, p.path, lang);
      } catch {
        place = '';
      }
      const words = findingWords(p.finding, place, lang);
      const detail = p.message.startsWith(`${p.finding} at ${p.path}: `) ? p.message.slice(`${p.finding} at ${p.path}: `.length) : p.message;
      return { message: lang === 'en' ? `${words} ${detail}` : words, inWords: true };
    });
  }

  async list(tenant: AdminTenant, lang: Lang, t: T, failed?: PublishFailure) {
    const [versions, draft, current, announcement] = await Promise.all([
      this.policies.list(tenant.id),
      this.policies.draft(tenant.id),
      this.policies.current(tenant.id),
      this.policies.announcement(tenant.id),
    ]);
    const today = todayIn(tenant.timeZone, this.clock());
    const canPublish = tenant.permissions.includes('policies:publish');
    const base = `/admin/t/${tenant.slug}/policies`;
    const langNames = (codes: string[]) => codes.map((c) => languageName(c as Lang)).join(', ');
    const problemWords = draft ? await this.problemWords(tenant.id, draft.problems, lang) : [];
    return {
      announcement: announcement
        ? {
            text: t((announcement.effectiveDate ?? '') > today ? 'policies.announcementUpcoming' : 'policies.announcementRecent', {
              number: announcement.number,
              date: formatDate(announcement.effectiveDate!, lang),
              summary: summaryIn(announcement.changeSummary, lang) ?? '',
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
        summaries: summaryLines(v.changeSummary, lang),
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
            problems: draft.problems.map((p, i) => ({
              code: p.code, section: p.section ?? '–', lang: p.lang ? languageName(p.lang as Lang) : '–', ...problemWords[i],
              factHref: p.code === 'unconfirmed-fact' && p.path ? `/admin/t/${tenant.slug}/facts#${factAnchor(p.path)}` : undefined,
            })),
          }
        : undefined,
      canPublish,
      draftAction: `${base}/drafts`,
      publishAction: `${base}/publish`,
      publish: {
        values: failed?.values ?? { summaries: {}, material: '', effectiveDate: '' },
        summaryFields: (draft?.languages ?? []).map((code) => ({
          code,
          id: `p-summary-${code}`,
          name: `summary_${code}`,
          label: t('policies.summaryIn', { language: languageIn(code, lang) }),
          value: failed?.values.summaries[code] ?? '',
        })),
        error: failed?.error,
        errors: failed?.errors,
        problems: failed?.problems,
        minDate: today,
        review: failed?.review,
      },
      reviewAction: `${base}/review`,
    };
  }
}
