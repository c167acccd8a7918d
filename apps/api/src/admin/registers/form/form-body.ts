import type { Duration, Lang, Register, Text } from '@regula/engine';
import { FieldSpec, SECTIONS, SectionKey } from './register-sections';

/**
 * A section's form as the browser posts it: flat names (`i.0.name.en`,
 * `i.0.legalBases.1.article`, `o.logic.lv`), a string each, a list of strings
 * for a group of checkboxes. Flat, so that the body parser's nesting depth and
 * array limits never reshape a big register.
 */
export type FormBody = Record<string, string | string[] | undefined>;

/** The prefix of item `n` of a list section, and of a single-object section. */
export const itemPrefix = (n: number) => `i.${n}`;
export const OBJECT_PREFIX = 'o';

const isText = (v: unknown): v is Text => !!v && typeof v === 'object' && typeof (v as Text).en === 'string';

/** The value of a dotted property (`legalObligation.law`) of an item. */
export function propertyOf(item: unknown, name: string): unknown {
  let node: unknown = item;
  for (const part of name.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

function putField(out: FormBody, key: string, f: FieldSpec, item: Record<string, unknown>, langs: readonly Lang[]): void {
  const value = f.name === 'session' ? undefined : propertyOf(item, f.name === 'expiry' ? 'expiry' : f.name);
  switch (f.kind) {
    case 'text':
      for (const lang of langs) out[`${key}.${lang}`] = isText(value) ? (value[lang] ?? '') : '';
      return;
    case 'string':
      out[key] = typeof value === 'string' ? value : '';
      return;
    case 'bool':
      if (f.name === 'session' ? item.expiry === 'session' : value === true) out[key] = 'on';
      return;
    case 'select':
      out[key] = typeof value === 'string' ? value : '';
      return;
    case 'ids':
      out[key] = Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
      return;
    case 'strings':
      out[key] = Array.isArray(value) ? value.join(', ') : '';
      return;
    case 'duration': {
      const d = (value && typeof value === 'object' ? value : {}) as Duration;
      for (const unit of ['years', 'months', 'days'] as const) out[`${key}.${unit}`] = typeof d[unit] === 'number' ? String(d[unit]) : '';
      return;
    }
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      items.forEach((sub, m) => {
        out[`${key}.${m}.was`] = String(m);
        for (const g of f.fields) putField(out, `${key}.${m}.${g.name}`, g, (sub ?? {}) as Record<string, unknown>, langs);
      });
      return;
    }
  }
}

/** The register's section as the form shows it before any change: the inverse of `readSection`. */
export function formBodyOf(reg: Register, section: SectionKey, langs: readonly Lang[]): FormBody {
  const spec = SECTIONS[section];
  const out: FormBody = {};
  const root = spec.path === '' ? (reg as unknown as Record<string, unknown>) : (reg as unknown as Record<string, unknown>)[spec.path];
  if (!spec.list) {
    for (const f of spec.fields) putField(out, `${OBJECT_PREFIX}.${f.name}`, f, (root ?? {}) as Record<string, unknown>, langs);
    return out;
  }
  if (root === 'none') out.none = 'on';
  const items = Array.isArray(root) ? root : [];
  items.forEach((item, n) => {
    out[`${itemPrefix(n)}.was`] = String(n);
    for (const f of spec.fields) putField(out, `${itemPrefix(n)}.${f.name}`, f, (item ?? {}) as Record<string, unknown>, langs);
  });
  return out;
}
