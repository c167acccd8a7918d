import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGS, Lang, Text } from '@regula/engine';
import { formatMessage } from './icu-message';

type Catalog = { [key: string]: string | Catalog };

/** Every key of a catalogue, as dotted paths ("form.name"). */
export function catalogKeys(c: Catalog, prefix = ''): string[] {
  return Object.entries(c).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : catalogKeys(v, `${prefix}${k}.`)));
}

/**
 * UI strings, one JSON catalogue per language in the folder given (the public
 * pages' `public/i18n/`, the dashboard's `admin/i18n/`; the build copies them
 * next to the compiled files). A key missing in a
 * language falls back to English; placeholders are `{name}`, counts ICU plurals
 * (`{count, plural, one {# entry} other {# entries}}`). Values are plain
 * text: templates escape them like anything else.
 */
export class PublicI18n {
  private readonly catalogs = new Map<Lang, Catalog>();

  constructor(dir: string) {
    for (const lang of LANGS) this.catalogs.set(lang, JSON.parse(readFileSync(path.join(dir, `${lang}.json`), 'utf8')) as Catalog);
  }

  catalog(lang: Lang): Catalog {
    return this.catalogs.get(lang)!;
  }

  has(lang: Lang, key: string): boolean {
    return typeof this.lookup(this.catalog(lang), key) === 'string';
  }

  private lookup(c: Catalog, key: string): string | Catalog | undefined {
    let node: string | Catalog | undefined = c;
    for (const part of key.split('.')) {
      if (node === undefined || typeof node === 'string') return undefined;
      node = node[part];
    }
    return node;
  }

  /** The string `key` in `lang` (English when missing there), with `{var}` and ICU plurals (`icu-message.ts`) filled in, in the rules of the string's language. */
  t(lang: Lang, key: string, vars: Record<string, unknown> = {}): string {
    let s = this.lookup(this.catalog(lang), key);
    let own: Lang = lang;
    if (typeof s !== 'string') [s, own] = [this.lookup(this.catalog('en'), key), 'en'];
    if (typeof s !== 'string') return key;
    return formatMessage(s, own, vars);
  }
}

/** A controller's text in the page language; `lang` is set when it fell back to another language. */
export interface LocalText {
  value: string;
  lang?: Lang;
}

export function localText(text: Text | undefined, lang: Lang): LocalText | undefined {
  if (!text) return undefined;
  const own = text[lang];
  if (own) return { value: own };
  return { value: text.en, lang: 'en' };
}
