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

/** The register as the form shows it: pretty-printed JSON, two spaces. */
export function prettyDefinition(definition: unknown): string {
  return JSON.stringify(definition, null, 2);
}
