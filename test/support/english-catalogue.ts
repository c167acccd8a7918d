import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { codeVocabulary, englishVocabulary } from '@regula/engine';
import { DESCRIPTION_LABELS, RECORD_LABELS } from '@regula/exports';
import { REFUSAL_GROUNDS, REQUEST_TYPES, RequestType, groundLabel, typeLabel, CSV_COLUMNS, LABELS } from '@regula/requests';

const ROOT = path.resolve(__dirname, '..', '..');

/** Every string inside a JSON-like value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

/** The files under `dir` (recursively) ending in `ext`. */
function files(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p, ext) : p.endsWith(ext) ? [p] : [];
  });
}

/**
 * Every English text Regula itself writes for readers, from the catalogues
 * themselves: the public pages' strings, the e-mail templates, the privacy
 * policy templates, the engine's code words, the record's and descriptions'
 * labels, the access package's labels and the request labels. The words of
 * these texts are what must not appear in a page of another language.
 */
export function englishCatalogueTexts(): string[] {
  const hbs = [
    ...files(path.join(ROOT, 'libs/mail/templates/en'), '.hbs'),
    ...files(path.join(ROOT, 'libs/mail/templates/partials/en'), '.hbs'),
    ...files(path.join(ROOT, 'libs/policies/templates/en'), '.hbs'),
  ].map((f) => readFileSync(f, 'utf8').replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, ' '));
  return [
    ...strings(JSON.parse(readFileSync(path.join(ROOT, 'apps/api/src/public/i18n/en.json'), 'utf8'))),
    ...hbs,
    ...codeVocabulary(),
    ...strings(RECORD_LABELS.en),
    ...strings(DESCRIPTION_LABELS.en),
    ...Object.values(LABELS).map((l) => l.en),
    ...CSV_COLUMNS.en,
    ...(Object.keys(REQUEST_TYPES) as RequestType[]).map((t) => typeLabel(t, 'en')),
    ...REFUSAL_GROUNDS.map((g) => groundLabel(g, 'en')),
  ];
}

/** The English vocabulary: words of two letters or more of the catalogue texts. */
export function englishCatalogue(): Set<string> {
  return englishVocabulary(englishCatalogueTexts(), 2);
}
