import { LANGS, Lang } from '@regula/engine';
import { PublishPreview, SUMMARY_MAX_LENGTH, SUMMARY_MIN_LENGTH } from '@regula/policies';
import { formatDate } from '../../web/format';
import { PublishValues, languageIn } from './policy-pages.service';

type T = (key: string, vars?: Record<string, unknown>) => string;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const str = (v: unknown, max: number): string => (typeof v === 'string' ? v.slice(0, max) : '');

/** The publish form's values: one summary per language (`summary_<lang>`), material, effective date. */
export function valuesOf(body: Record<string, unknown>, languages: readonly string[]): PublishValues {
  const codes = languages.filter((l) => (LANGS as readonly string[]).includes(l));
  return {
    summaries: Object.fromEntries(codes.map((l) => [l, str(body[`summary_${l}`], SUMMARY_MAX_LENGTH + 10)])),
    material: str(body.material, 5),
    effectiveDate: str(body.effectiveDate, 10),
  };
}

/** What is wrong with the form, in the admin's words (each language's summary named by its language). */
export function formErrors(values: PublishValues, languages: readonly string[], lang: Lang, t: T): string[] {
  const errors: string[] = [];
  for (const code of languages) {
    const text = (values.summaries[code] ?? '').trim();
    if (!text) errors.push(t('policies.summaryMissing', { language: languageIn(code, lang) }));
    else if (text.length < SUMMARY_MIN_LENGTH || text.length > SUMMARY_MAX_LENGTH) errors.push(t('policies.summaryLength', { language: languageIn(code, lang) }));
  }
  if (values.material !== 'yes' && values.material !== 'no') errors.push(t('policies.materialRequired'));
  if (values.effectiveDate && !DATE.test(values.effectiveDate)) errors.push(t('policies.dateInvalid'));
  return errors;
}

/** The review (step 1 of 2): what publishing would do, in the admin's words, and the values "Publish" sends. */
export function reviewView(p: PublishPreview, values: PublishValues, lang: Lang, t: T) {
  const blockers = [
    ...(p.identicalTo ? [t('policies.reviewIdentical', { number: p.identicalTo })] : []),
    ...(p.stale ? [t('policies.reviewStale')] : []),
    ...(p.problems ? [t('policies.reviewProblems', { count: p.problems })] : []),
  ];
  const emails = !p.material || p.previousNumber === null ? t('policies.reviewEmailsNone') : p.emails ? null : t('policies.reviewEmailsNoChannel');
  return {
    intro: t('policies.reviewIntro', { number: p.number }),
    blockers,
    canConfirm: blockers.length === 0,
    effective: formatDate(p.effectiveDate, lang),
    effectiveIso: p.effectiveDate,
    proposed: formatDate(p.proposedEffectiveDate, lang),
    noticeDays: p.noticeDays,
    shortNotice: p.shortNotice ? t('policies.reviewShortNotice', { date: formatDate(p.proposedEffectiveDate, lang) }) : undefined,
    banners: p.banners ? t('policies.reviewBannersOn', { date: formatDate(p.banners.until, lang) }) : t('policies.reviewBannersNone'),
    emails: p.emails
      ? {
          total: t('policies.reviewEmailsTotal', { total: p.emails.total }),
          languages: Object.entries(p.emails.byLanguage).map(([code, count]) => ({ code, text: t('policies.reviewEmailsLang', { language: languageIn(code, lang), count }) })),
        }
      : undefined,
    emailsNone: emails ?? undefined,
    consents: p.changedPurposes.length ? t('policies.reviewConsentsPurposes', { count: p.consentsToRenew, purposes: p.changedPurposes.join(', ') }) : String(p.consentsToRenew),
    summaries: p.languages.map((code) => ({ code, label: languageIn(code, lang), text: values.summaries[code] ?? '' })),
    hidden: {
      draftId: p.draftId,
      draftHash: p.draftHash,
      material: p.material ? 'yes' : 'no',
      effectiveDate: p.effectiveDate,
      summaries: p.languages.map((code) => ({ name: `summary_${code}`, value: values.summaries[code] ?? '' })),
    },
  };
}
