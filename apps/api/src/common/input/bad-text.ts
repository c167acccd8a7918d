/**
 * Text no column can hold: PostgreSQL refuses a NUL (U+0000) in text and jsonb,
 * and a lone UTF-16 surrogate is no Unicode character at all (jsonb refuses its
 * `\ud800` escape; encoded as UTF-8 it would silently become U+FFFD).
 */
export type TextProblem = 'nul' | 'surrogate';

export interface BadText {
  /** Where: `body.note`, `query.offset`, `params.slug`, `body.items[2].name`. */
  field: string;
  problem: TextProblem;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(s: string): TextProblem | null {
  if (s.includes('\u0000')) return 'nul';
  return LONE_SURROGATE.test(s) ? 'surrogate' : null;
}

/** A key as it reads in a field name: the bad characters themselves made visible. */
const printable = (key: string) => key.replace(/\u0000/g, '\\0').replace(/[\uD800-\uDFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/**
 * The first string (value or object key) in `value` that is not storable text,
 * named from `root`. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function findBadText(value: unknown, root: string): BadText | null {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length) {
    const [v, field] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { field, problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${field}[${i}]`]);
    } else if (v !== null && typeof v === 'object' && !Buffer.isBuffer(v)) {
      const entries = Object.entries(v);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i];
        const name = `${field}.${printable(k)}`;
        const problem = textProblem(k);
        if (problem) return { field: name, problem };
        stack.push([x, name]);
      }
    }
  }
  return null;
}

export function badTextMessage(bad: BadText): string {
  return bad.problem === 'nul'
    ? `${bad.field} must not contain a NUL character (U+0000)`
    : `${bad.field} must be well-formed Unicode text (it holds an unpaired UTF-16 surrogate)`;
}
