import { InvalidInputError } from '@regula/platform';
import type { FileRequestInput } from './requests.port';
import { REQUEST_TYPES, RequestType } from './request-types';
import { TenantFacts, offersType, requestLocales } from './tenant-facts';

const CHANNELS = ['web-form', 'e-mail', 'post', 'phone', 'in-person'] as const;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
/** Control characters other than tab and line breaks. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DETAIL_KEYS = ['message', 'corrections', 'period', 'registers', 'purposes', 'scope'] as const;

export interface CleanFileRequest {
  type: RequestType;
  name: string;
  email: string;
  locale: string;
  details: Record<string, unknown>;
  channel: (typeof CHANNELS)[number];
}

export function text(v: unknown, field: string, max: number, errors: string[], opts: { required?: boolean; multiline?: boolean } = {}): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (opts.required) errors.push(`${field} is required`);
    return undefined;
  }
  if (typeof v !== 'string') {
    errors.push(`${field} must be text`);
    return undefined;
  }
  const s = v.trim();
  if (opts.required && !s) errors.push(`${field} must not be empty`);
  if (s.length > max) errors.push(`${field} must be at most ${max} characters`);
  if (CONTROL.test(s) || (!opts.multiline && /[\r\n\t]/.test(s))) errors.push(`${field} contains characters that are not allowed`);
  return s;
}

/** The requester's `name` (required) and `email` (lower-cased; required unless a recording says otherwise), problems named in `errors`. */
export function checkRequester(input: { name?: unknown; email?: unknown }, errors: string[], opts: { emailRequired: boolean }): { name: string | undefined; email: string | undefined } {
  const name = text(input.name, 'name', 200, errors, { required: true });
  const email = text(input.email, 'email', 254, errors, { required: opts.emailRequired })?.toLowerCase();
  if (email && !EMAIL.test(email)) errors.push('email must be an e-mail address');
  return { name, email };
}

function idList(v: unknown, field: string, errors: string[]): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length > 50 || v.some((x) => typeof x !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/.test(x))) {
    errors.push(`details.${field} must be a list of at most 50 ids (letters, digits, - _ . :)`);
    return undefined;
  }
  return [...new Set(v as string[])];
}

function validDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Checks what a subject typed; 400 naming every problem. */
export function validateFileRequest(input: FileRequestInput, facts: TenantFacts): CleanFileRequest {
  const errors: string[] = [];
  const clean = checkRequestFields(input, facts, errors, { emailRequired: true });
  if (errors.length) throw new InvalidInputError(errors);
  return { ...clean, email: clean.email! };
}

/**
 * The fields every request has, the problems added to `errors`; the e-mail is
 * optional for a request an admin records from a letter, a call or a visit.
 */
export function checkRequestFields(
  input: Omit<FileRequestInput, 'email'> & { email?: string | null },
  facts: TenantFacts,
  errors: string[],
  opts: { emailRequired: boolean },
): Omit<CleanFileRequest, 'email'> & { email: string | undefined } {
  if (!input || typeof input !== 'object') throw new InvalidInputError(['the request must be an object']);
  const type = input.type as RequestType;
  if (typeof type !== 'string' || !(type in REQUEST_TYPES)) {
    errors.push(`type must be one of: ${Object.keys(REQUEST_TYPES).join(', ')}`);
  } else if (!offersType(facts, type)) {
    errors.push(`type ${type}: ${facts.legalName} does not offer this right (its privacy notice lists: ${Object.entries(REQUEST_TYPES).filter(([t]) => offersType(facts, t as RequestType)).map(([t]) => t).join(', ')})`);
  }
  const { name, email } = checkRequester(input, errors, opts);
  const locales = requestLocales(facts);
  const locale = typeof input.locale === 'string' ? input.locale.trim().toLowerCase() : '';
  if (!locales.includes(locale)) errors.push(`locale must be one of: ${locales.join(', ')}`);
  const channel = input.channel ?? 'web-form';
  if (!CHANNELS.includes(channel)) errors.push(`channel must be one of: ${CHANNELS.join(', ')}`);

  const details: Record<string, unknown> = {};
  const raw = input.details ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push('details must be an object');
  } else {
    const unknown = Object.keys(raw).filter((k) => !(DETAIL_KEYS as readonly string[]).includes(k));
    if (unknown.length) errors.push(`details: unknown field(s) ${unknown.join(', ')} (allowed: ${DETAIL_KEYS.join(', ')})`);
    const r = raw as Record<string, unknown>;
    const message = text(r.message, 'details.message', 5000, errors, { multiline: true });
    if (message) details.message = message;
    if (r.corrections !== undefined) {
      if (!Array.isArray(r.corrections) || r.corrections.length === 0 || r.corrections.length > 50) {
        errors.push('details.corrections must be a list of 1 to 50 corrections');
      } else {
        details.corrections = r.corrections.map((c: unknown, i: number) => {
          const o = (c && typeof c === 'object' ? c : {}) as Record<string, unknown>;
          const extra = Object.keys(o).filter((k) => !['field', 'current', 'corrected'].includes(k));
          if (extra.length) errors.push(`details.corrections[${i}]: unknown field(s) ${extra.join(', ')}`);
          return {
            field: text(o.field, `details.corrections[${i}].field`, 200, errors, { required: true }),
            current: text(o.current, `details.corrections[${i}].current`, 2000, errors, { multiline: true }) ?? null,
            corrected: text(o.corrected, `details.corrections[${i}].corrected`, 2000, errors, { required: true, multiline: true }),
          };
        });
      }
    } else if (type === 'rectification' && !message) {
      errors.push('details.corrections (or details.message) is required for a rectification request: say what is wrong and what is correct');
    }
    if (r.period !== undefined || type === 'recipients-in-period') {
      const p = (r.period && typeof r.period === 'object' ? r.period : {}) as Record<string, unknown>;
      const from = typeof p.from === 'string' ? p.from : '';
      const to = typeof p.to === 'string' ? p.to : '';
      if (!validDate(from) || !validDate(to)) errors.push('details.period must be { from, to } with dates YYYY-MM-DD');
      else if (from > to) errors.push('details.period.from must not be after details.period.to');
      else details.period = { from, to };
    }
    const registers = idList(r.registers, 'registers', errors);
    if (registers) details.registers = registers;
    const purposes = idList(r.purposes, 'purposes', errors);
    if (purposes) details.purposes = purposes;
    if (r.scope !== undefined) {
      if (r.scope !== 'direct-marketing' && r.scope !== 'all') errors.push('details.scope must be direct-marketing or all');
      else details.scope = r.scope;
    }
  }
  return { type, name: name!, email, locale, details, channel };
}
