import { ControllerDefinition, buildPolicyModel, listFacts, publishedLanguages } from '@regula/engine';

/**
 * For the tenants' specs: what a reader of a controller's texts gets, and the
 * facts whose provenance marker gives no reason.
 */

/** Every string under `value` (texts, names, fields...), with where it sits. */
export function stringsIn(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsIn(v, path ? `${path}.${k}` : k));
  return [];
}

/** Every string of every fact, and of the policy model in each published language. */
export function readerTexts(def: ControllerDefinition): { path: string; text: string }[] {
  return [
    ...listFacts(def).flatMap((f) => stringsIn(f.value, f.path)),
    ...publishedLanguages(def).flatMap((lang) => stringsIn(buildPolicyModel(def, lang), `policy(${lang})`)),
  ];
}

/** Paths of the assumed, corrected or unknown facts whose deciding ref has no note saying why. */
export function marksWithoutReason(def: ControllerDefinition): string[] {
  return listFacts(def)
    .filter((f) => f.provenance.class !== 'stated' && f.provenance.class !== 'law' && !f.provenance.decidedBy?.note)
    .map((f) => f.path);
}
