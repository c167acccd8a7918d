import { Lang, Text } from '../schema/text';

/** Options shared by the JSON and JSON-LD exports. */
export interface DpvExportOptions {
  lang: Lang;
  /** The policy version the export describes. */
  version?: string;
  /** ISO date from which that version applies. */
  validFrom?: string;
  /** Base of every `@id`; defaults to `DEFAULT_BASE_IRI`. */
  baseIri?: string;
}

export const DEFAULT_BASE_IRI = 'https://regula.example';

/** Stable identifiers of a controller's export nodes. */
export function dpvExportIds(slug: string, opts: Pick<DpvExportOptions, 'baseIri' | 'version'>) {
  const base = (opts.baseIri ?? DEFAULT_BASE_IRI).replace(/\/+$/, '');
  const controller = `${base}/t/${encodeURIComponent(slug)}`;
  const seg = (s: string) => encodeURIComponent(s);
  const register = (id: string) => `${controller}/registers/${seg(id)}`;
  return {
    document: `${controller}/privacy${opts.version ? `/versions/${seg(opts.version)}` : ''}`,
    controller,
    dpo: `${controller}/dpo`,
    representative: `${controller}/representative`,
    contact: `${controller}/contact`,
    authority: (country: string) => `${base}/authorities/${seg(country)}`,
    groupCompany: (i: number) => `${controller}/group-companies/${i}`,
    right: (code: string) => `${controller}/rights/${seg(code)}`,
    register,
    part: (registerId: string, kind: string, id: string) => `${register(registerId)}/${kind}/${seg(id)}`,
  };
}

/** The text in `lang`, else English; with the language actually used. */
export function localisedText(text: Text, lang: Lang): { value: string; lang: Lang } {
  const v = text[lang];
  return v !== undefined && v !== '' ? { value: v, lang } : { value: text.en, lang: 'en' };
}
