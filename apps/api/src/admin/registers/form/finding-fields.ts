import type { Register } from '@regula/engine';
import { OBJECT_PREFIX, itemPrefix } from './form-body';
import { SECTIONS, SectionKey, sectionOfProperty } from './register-sections';

/** Where on the form a linter finding belongs: its section and the key of the field, item or section (`section`). */
export interface FindingField {
  section: SectionKey;
  key: string;
}

export const SECTION_WIDE = 'section';
const SEGMENT = /^([^[\]]+)((?:\[[^\]]*\])*)$/;

function indexIn(list: unknown, selector: string): number {
  const items = Array.isArray(list) ? list : [];
  const byId = items.findIndex((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === selector);
  if (byId >= 0) return byId;
  return /^\d+$/.test(selector) ? Number(selector) : -1;
}

/**
 * The form field a finding's path concerns, for register `key` as `reg` holds it:
 * `registers[crm].purposes[marketing].legalBases[0].legitimateInterest` →
 * purposes, `i.2.legalBases.0.legitimateInterest` (the purpose's index in the
 * list); `registers[crm].security` → security, the section as a whole;
 * `registers[crm].name.lv` → overview, `o.name.lv`. Undefined for a path outside
 * the register. The page then shows it beside that field or its nearest shown
 * ancestor (`attachKey`).
 */
export function findingField(path: string, key: string, reg: Register): FindingField | undefined {
  const head = `registers[${key}]`;
  if (path !== head && !path.startsWith(`${head}.`)) return undefined;
  const rest = path.slice(head.length + 1).split('.').filter(Boolean);
  if (rest.length === 0) return { section: 'overview', key: SECTION_WIDE };
  const [first, ...more] = rest;
  const m = SEGMENT.exec(first);
  const property = m ? m[1] : first;
  const section = sectionOfProperty(property);
  const spec = SECTIONS[section];
  let node: unknown = (reg as unknown as Record<string, unknown>)[property];
  const parts: string[] = [];
  if (spec.path === '') parts.push(OBJECT_PREFIX, property);
  else if (!spec.list) parts.push(OBJECT_PREFIX);
  else {
    const selector = m?.[2] ? /^\[([^\]]*)\]/.exec(m[2])?.[1] : undefined;
    if (selector === undefined) return { section, key: SECTION_WIDE };
    const n = indexIn(node, selector);
    if (n < 0) return { section, key: SECTION_WIDE };
    parts.push(itemPrefix(n));
    node = Array.isArray(node) ? node[n] : undefined;
  }
  for (const segment of more) {
    const s = SEGMENT.exec(segment);
    const name = s ? s[1] : segment;
    parts.push(name);
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[name] : undefined;
    for (const sel of s ? [...s[2].matchAll(/\[([^\]]*)\]/g)].map((x) => x[1]) : []) {
      const n = indexIn(node, sel);
      parts.push(String(n < 0 ? sel : n));
      node = Array.isArray(node) && n >= 0 ? node[n] : undefined;
    }
  }
  return { section, key: parts.join('.') };
}

/**
 * The key among `shown` (the keys of the fields, items and nested items on the page)
 * a finding at `key` is shown beside: the same key, else the first field below it
 * (a finding on `…legalObligation` beside its law), else its nearest ancestor, else
 * the section.
 */
export function attachKey(key: string, shown: readonly string[]): string {
  if (shown.includes(key)) return key;
  const below = shown.find((k) => k.startsWith(`${key}.`));
  if (below) return below;
  const parts = key.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const up = parts.slice(0, n).join('.');
    if (shown.includes(up)) return up;
  }
  return SECTION_WIDE;
}
