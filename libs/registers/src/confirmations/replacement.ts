import { InvalidInputError } from '@regula/platform';
const MAX_JSON = 20_000;
const LANG = /^(en|et|lt|lv|sv)$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isTextLike = (v: unknown): boolean => isObject(v) && Object.entries(v).every(([k, s]) => LANG.test(k) && typeof s === 'string');

/**
 * A value a person puts in place of an assumed or unknown one, checked against
 * the shape of the current value: a string for a string (not blank), the same
 * type for each field of an object (a text stays a text per language), no lists
 * (lists are changed by editing the register). Returns the value to apply: for
 * an object, the current one with the given fields replaced.
 */
export function checkedReplacement(current: unknown, replacement: unknown): unknown {
  if (JSON.stringify(replacement).length > MAX_JSON) throw new InvalidInputError([`replacement must be at most ${MAX_JSON} characters of JSON`]);
  if (typeof current === 'string') {
    if (typeof replacement !== 'string' || replacement.trim() === '') throw new InvalidInputError(['replacement must be a non-empty text']);
    return replacement.trim();
  }
  if (!isObject(current) || !isObject(replacement)) {
    throw new InvalidInputError(['replacement must be an object with the fields to replace (lists are changed by editing the register)']);
  }
  const out: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(replacement)) {
    const was = current[key];
    const field = `replacement.${key}`;
    if (Array.isArray(value) || Array.isArray(was)) throw new InvalidInputError([`${field}: lists are changed by editing the register`]);
    if (typeof value === 'string') {
      if (was !== undefined && typeof was !== 'string') throw new InvalidInputError([`${field} must be ${describe(was)}`]);
      if (value.trim() === '') throw new InvalidInputError([`${field} must not be blank`]);
      out[key] = value.trim();
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      if (was !== undefined && typeof was !== typeof value) throw new InvalidInputError([`${field} must be ${describe(was)}`]);
      out[key] = value;
    } else if (isTextLike(value) && typeof (value as { en?: unknown }).en === 'string') {
      if (was !== undefined && !isTextLike(was)) throw new InvalidInputError([`${field} must be ${describe(was)}`]);
      out[key] = value;
    } else {
      throw new InvalidInputError([`${field} must be a text, a number, true/false or a text per language ({"en": ..., "lv": ...})`]);
    }
  }
  return out;
}

function describe(v: unknown): string {
  if (isTextLike(v)) return 'a text per language ({"en": ..., "lv": ...})';
  return typeof v === 'string' ? 'a text' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'true or false' : 'of the same kind as before';
}
