import { ControllerDefinition } from '../schema/controller';
import { Lang, Ref, Text } from '../schema/text';
import { listOf } from './facts';
import { eachRef, eachText } from './walk';

/**
 * What a controller definition states, listed with the linter's walker: its
 * texts and their missing languages, and its references. Pure; used by the
 * translations rule and by the tenants' own tests.
 */

/** A text that lacks some of the languages asked for. */
export interface TextMissingLanguages {
  /** Where the text sits, as the linter writes paths (`registers[clients].purposes[orders].name`). */
  path: string;
  /** The languages with no text or only blanks, in the order asked for. */
  missing: Lang[];
}

/** The languages a controller publishes in: English (always rendered) and its jurisdiction's. */
export function publishedLanguages(def: Pick<ControllerDefinition, 'jurisdiction'>): Lang[] {
  return [...new Set<Lang>(['en', ...listOf(def.jurisdiction?.languages)])];
}

/** The languages of `languages` that `text` has no non-blank string for. */
export function missingLanguages(text: Text, languages: readonly Lang[]): Lang[] {
  return languages.filter((lang) => {
    const value = text[lang];
    return !(typeof value === 'string' && value.trim() !== '');
  });
}

/** Every Text below `root`, with its path. */
export function textsIn(root: unknown): { path: string; text: Text }[] {
  const out: { path: string; text: Text }[] = [];
  eachText(root, (text, path) => out.push({ path, text }));
  return out;
}

/**
 * Every Text of `def` that lacks one of `languages` (by default the languages
 * the controller publishes in), with the languages it lacks. Empty when every
 * text is complete.
 */
export function textsMissingLanguages(def: ControllerDefinition, languages: readonly Lang[] = publishedLanguages(def)): TextMissingLanguages[] {
  const out: TextMissingLanguages[] = [];
  eachText(def, (text, path) => {
    const missing = missingLanguages(text, languages);
    if (missing.length > 0) out.push({ path, missing });
  });
  return out;
}

/** Every Ref below `root` (the items of any `ref` list), with its path. */
export function refsIn(root: unknown): { path: string; ref: Ref }[] {
  const out: { path: string; ref: Ref }[] = [];
  eachRef(root, (ref, path) => out.push({ path, ref }));
  return out;
}
