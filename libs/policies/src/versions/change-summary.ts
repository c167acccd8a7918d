import { InvalidInputError } from '@regula/platform';
import type { Lang } from '@regula/engine';

/** A version's change summary, one text per language it is published in (`{ lv: '...', en: '...' }`). */
export type ChangeSummary = Partial<Record<string, string>>;

export const SUMMARY_MIN_LENGTH = 3;
export const SUMMARY_MAX_LENGTH = 2000;

/**
 * What is wrong with the summaries sent for a policy published in
 * `languages`, one message per field (`changeSummary.lv ...`): a language
 * without its own text, a text too short or too long, a language the policy
 * is not published in. Empty when every reader gets a summary in their language.
 */
export function summaryProblems(languages: readonly string[], summary: unknown): string[] {
  if (!summary || typeof summary !== 'object' || Array.isArray(summary)) {
    return [`changeSummary must be one text per published language (${languages.join(', ')}), e.g. { ${languages.map((l) => `"${l}": "..."`).join(', ')} }`];
  }
  const given = summary as Record<string, unknown>;
  const problems: string[] = [];
  for (const lang of languages) {
    const text = typeof given[lang] === 'string' ? (given[lang] as string).trim() : '';
    if (!text) problems.push(`changeSummary.${lang} is missing: the policy is published in ${languages.join(', ')} and every reader is told what changed in their language`);
    else if (text.length < SUMMARY_MIN_LENGTH || text.length > SUMMARY_MAX_LENGTH) problems.push(`changeSummary.${lang} must be ${SUMMARY_MIN_LENGTH} to ${SUMMARY_MAX_LENGTH} characters`);
  }
  for (const key of Object.keys(given)) {
    if (!languages.includes(key)) problems.push(`changeSummary.${key}: the policy is not published in '${key}' (its languages: ${languages.join(', ')})`);
  }
  return problems;
}

/** The summaries, trimmed, in the policy's languages; 400 naming each missing or wrong language. */
export function checkedSummary(languages: readonly string[], summary: unknown): Record<string, string> {
  const problems = summaryProblems(languages, summary);
  if (problems.length) throw new InvalidInputError(problems);
  const given = summary as Record<string, string>;
  return Object.fromEntries(languages.map((lang) => [lang, given[lang].trim()]));
}

/** The summary in the reader's language, or null: never a text in another language. */
export function summaryIn(summary: ChangeSummary | null | undefined, lang: string): string | null {
  const text = summary?.[lang];
  return typeof text === 'string' && text.trim() ? text : null;
}

/** The summary of a tenant's first version, which the command line publishes (nothing changed: there was no policy before). */
export const FIRST_VERSION_SUMMARY: Record<Lang, string> = {
  en: 'First version, rendered from the registers of processing activities.',
  lv: 'Pirmā versija, sagatavota no apstrādes darbību reģistriem.',
  lt: 'Pirmoji versija, parengta pagal duomenų tvarkymo veiklos įrašus.',
  et: 'Esimene versioon, koostatud isikuandmete töötlemise registrite põhjal.',
  sv: 'Första versionen, sammanställd utifrån registren över behandlingar.',
};
