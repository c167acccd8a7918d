import { jsonErrorPosition } from './json-error-position';

/** The most characters the register's JSON may have in the edit form (a register of the seeds has under 50,000). */
export const MAX_DEFINITION_CHARS = 200_000;

export type ParsedDefinition = { ok: true; value: unknown } | { ok: false; error: string; line?: number; column?: number };

/**
 * The textarea's JSON, parsed; on a syntax error the line and column of the
 * position JSON.parse names (1-based), so the message can say where.
 */
export function parseDefinition(text: string): ParsedDefinition {
  if (text.length > MAX_DEFINITION_CHARS) return { ok: false, error: 'too-long' };
  if (!text.trim()) return { ok: false, error: 'empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    const pos = jsonErrorPosition(text);
    const near = pos === null ? '' : pos >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[pos])}`;
    if (pos === null) return { ok: false, error: (e as Error).message };
    const before = text.slice(0, pos).split('\n');
    return { ok: false, error: near, line: before.length, column: before[before.length - 1].length + 1 };
  }
}

/** The register's own fields in the order of the schema (the database returns them in its own order). */
const REGISTER_ORDER = [
  'id', 'name', 'businessFunction', 'description', 'purposes', 'subjects', 'dataCategories', 'sources', 'recipients', 'transfers',
  'retention', 'security', 'automatedDecisions', 'cookies', 'location', 'dpia', 'systems', 'ref',
];
/** Inside every object: these first, `ref` last, the rest as they come. */
const FIRST = ['id', 'kind', 'article', 'name', 'label', 'en'];

function ordered(value: unknown, order: readonly string[] = FIRST): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v));
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const rank = (k: string) => (k === 'ref' ? order.length + 1 : order.includes(k) ? order.indexOf(k) : order.length);
  const sorted = keys.map((k, i) => ({ k, i })).sort((a, b) => rank(a.k) - rank(b.k) || a.i - b.i);
  return Object.fromEntries(sorted.map(({ k }) => [k, ordered((value as Record<string, unknown>)[k])]));
}

/**
 * The register as the form and the diff show it: pretty-printed JSON, two
 * spaces, the register's fields in the schema's order and `id` first in
 * every item (the order does not change the content hash).
 */
export function prettyDefinition(definition: unknown): string {
  return JSON.stringify(ordered(definition, REGISTER_ORDER), null, 2);
}
