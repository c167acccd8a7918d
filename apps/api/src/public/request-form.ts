import { plainToInstance } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidationError, validateSync } from 'class-validator';
import { formatLocalDate, localDateOf, parseLocalDate } from '@regula/engine';
import type { RequestType } from '@regula/requests';
import { LocalText } from '../web/i18n';

/**
 * The request form: which fields each request type asks for, their validation
 * (class-validator; each message is a catalogue key) and the `details` the
 * requests core receives. Everything here is about input; rendering data for
 * the template is built in request-form.view.ts.
 */

export const CORRECTION_ROWS = 3;
export const OBJECTION_SCOPES = ['direct-marketing', 'all'] as const;
export type ObjectionScope = (typeof OBJECTION_SCOPES)[number];
/** The consent-withdrawal choice meaning "every consent I gave". */
export const ALL_PURPOSES = 'all';

/** A consent-based purpose of one of the tenant's registers. */
export interface ConsentPurposeOption {
  /** `<register key>:<purpose id>`. */
  value: string;
  register: string;
  purpose: string;
  label: LocalText;
  registerName: LocalText;
}

const TRIMMED = (v: unknown) => (typeof v === 'string' ? v.trim() : v);

class BaseForm {
  @IsString({ message: 'error.name.required' })
  @IsNotEmpty({ message: 'error.name.required' })
  @MaxLength(200, { message: 'error.name.tooLong' })
  name: string;

  @IsString({ message: 'error.email.required' })
  @IsNotEmpty({ message: 'error.email.required' })
  @MaxLength(254, { message: 'error.email.tooLong' })
  @IsEmail({ allow_display_name: false, allow_ip_domain: false }, { message: 'error.email.invalid' })
  email: string;

  @IsOptional()
  @IsString({ message: 'error.field.invalid' })
  @MaxLength(5000, { message: 'error.message.tooLong' })
  message?: string;
}

class RectificationForm extends BaseForm {
  @IsOptional() @IsString({ message: 'error.field.invalid' }) @MaxLength(200, { message: 'error.field.tooLong' }) c1_field?: string;
  @IsOptional() @IsString({ message: 'error.field.invalid' }) @MaxLength(2000, { message: 'error.field.tooLong' }) c1_current?: string;
  @IsOptional() @IsString({ message: 'error.field.invalid' }) @MaxLength(2000, { message: 'error.field.tooLong' }) c1_corrected?: string;
  @IsOptional() @IsString({ message: 'error.field.invalid' }) @MaxLength(200, { message: 'error.field.tooLong' }) c2_field?: string;
  @IsOptional() @IsString({ message: 'error.field.invalid' }) @MaxLength(2000, { message: 'error.field.tooLong' }) c2_current?: string;
  @IsOptional() @IsString({ message: 'error.field.invalid' }) @MaxLength(2000, { message: 'error.field.tooLong' }) c2_corrected?: string;
  @IsOptional() @IsString({ message: 'error.field.invalid' }) @MaxLength(200, { message: 'error.field.tooLong' }) c3_field?: string;
  @IsOptional() @IsString({ message: 'error.field.invalid' }) @MaxLength(2000, { message: 'error.field.tooLong' }) c3_current?: string;
  @IsOptional() @IsString({ message: 'error.field.invalid' }) @MaxLength(2000, { message: 'error.field.tooLong' }) c3_corrected?: string;
}

class PeriodForm extends BaseForm {
  @IsString({ message: 'error.period.required' })
  @IsNotEmpty({ message: 'error.period.required' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'error.period.invalid' })
  from: string;

  @IsString({ message: 'error.period.required' })
  @IsNotEmpty({ message: 'error.period.required' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'error.period.invalid' })
  to: string;
}

class ObjectionForm extends BaseForm {
  @IsIn(OBJECTION_SCOPES, { message: 'error.scope.required' })
  scope: ObjectionScope;
}

class ConsentForm extends BaseForm {
  @IsOptional()
  @IsString({ each: true, message: 'error.purposes.invalid' })
  purposes?: string[];

  @IsOptional()
  @IsString({ message: 'error.field.invalid' })
  @MaxLength(1000, { message: 'error.field.tooLong' })
  purposesText?: string;
}

const FORM_CLASS: Partial<Record<RequestType, new () => BaseForm>> = {
  rectification: RectificationForm,
  'recipients-in-period': PeriodForm,
  objection: ObjectionForm,
  'consent-withdrawal': ConsentForm,
};

/** The field names a type's form posts. */
export function fieldNames(type: RequestType): string[] {
  const base = ['name', 'email', 'message'];
  switch (type) {
    case 'rectification':
      return [...base, ...Array.from({ length: CORRECTION_ROWS }, (_, i) => [`c${i + 1}_field`, `c${i + 1}_current`, `c${i + 1}_corrected`]).flat()];
    case 'recipients-in-period':
      return [...base, 'from', 'to'];
    case 'objection':
      return [...base, 'scope'];
    case 'consent-withdrawal':
      return [...base, 'purposes', 'purposesText'];
    default:
      return base;
  }
}

/** What the subject typed, normalised: strings trimmed, checkboxes as arrays; other fields dropped. */
export type FormValues = Record<string, string | string[] | undefined>;
/** Field name (or group name) -> catalogue key of the message. */
export type FormErrors = Record<string, string>;

export interface ParsedForm {
  values: FormValues;
  errors: FormErrors;
  /** For RequestsPort.fileRequest, when there are no errors. */
  name: string;
  email: string;
  details: Record<string, unknown>;
}

/** Which message wins when a field fails several checks. */
const PRIORITY = ['required', 'invalid', 'incomplete', 'tooLong'];

function firstMessages(errors: ValidationError[]): FormErrors {
  const out: FormErrors = {};
  for (const e of errors) {
    const messages = Object.values(e.constraints ?? {});
    messages.sort((a, b) => PRIORITY.indexOf(a.split('.').pop()!) - PRIORITY.indexOf(b.split('.').pop()!));
    if (messages.length) out[e.property] = messages[0];
  }
  return out;
}

function normalise(type: RequestType, body: Record<string, unknown>): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const name of fieldNames(type)) {
    const v = body?.[name];
    if (name === 'purposes') raw[name] = v === undefined || v === '' ? undefined : Array.isArray(v) ? v.map(TRIMMED) : [TRIMMED(v)];
    else raw[name] = v === '' ? undefined : TRIMMED(v);
  }
  for (const k of Object.keys(raw)) if (raw[k] === '') raw[k] = undefined;
  // `name` and `email` are required: keep '' so the messages say "required".
  raw.name ??= '';
  raw.email ??= '';
  return raw;
}

function asValues(raw: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export interface ParseContext {
  timeZone: string;
  now: Date;
  /** The tenant's consent-based purposes (consent withdrawal); empty: a free-text field instead. */
  consentPurposes: ConsentPurposeOption[];
}

/** Validates a posted form of `type` and builds the request details. */
export function parseRequestForm(type: RequestType, body: Record<string, unknown>, ctx: ParseContext): ParsedForm {
  const raw = normalise(type, body);
  const cls = FORM_CLASS[type] ?? BaseForm;
  const errors = firstMessages(validateSync(plainToInstance(cls, raw), { whitelist: false, forbidUnknownValues: false }));
  const values = asValues(raw);
  const details: Record<string, unknown> = {};
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : undefined);
  if (str('message')) details.message = str('message');

  if (type === 'rectification') {
    const corrections: { field: string; current?: string; corrected: string }[] = [];
    for (let i = 1; i <= CORRECTION_ROWS; i++) {
      const [field, current, corrected] = [str(`c${i}_field`), str(`c${i}_current`), str(`c${i}_corrected`)];
      if (!field && !current && !corrected) continue;
      if (!field || !corrected) errors[`c${i}`] ??= 'error.corrections.incomplete';
      else corrections.push({ field, ...(current ? { current } : {}), corrected });
    }
    if (!corrections.length && !Object.keys(errors).some((k) => /^c\d/.test(k))) errors.c1 = 'error.corrections.required';
    details.corrections = corrections;
  }

  if (type === 'recipients-in-period') {
    const date = (k: 'from' | 'to'): string | undefined => {
      if (errors[k]) return undefined;
      try {
        return formatLocalDate(parseLocalDate(str(k)!));
      } catch {
        errors[k] = 'error.period.invalid';
        return undefined;
      }
    };
    const [from, to] = [date('from'), date('to')];
    if (from && to) {
      if (from > to) errors.to = 'error.period.order';
      else if (from > formatLocalDate(localDateOf(ctx.now, ctx.timeZone))) errors.from = 'error.period.future';
      else details.period = { from, to };
    }
  }

  if (type === 'objection' && !errors.scope) details.scope = raw.scope;
  if (type === 'objection-direct-marketing') details.scope = 'direct-marketing';

  if (type === 'consent-withdrawal' && !errors.purposes) {
    if (ctx.consentPurposes.length) {
      const chosen = (raw.purposes as string[] | undefined) ?? [];
      const known = new Map(ctx.consentPurposes.map((p) => [p.value, p]));
      if (!chosen.length) errors.purposes = 'error.purposes.required';
      else if (chosen.some((c) => c !== ALL_PURPOSES && !known.has(c))) errors.purposes = 'error.purposes.invalid';
      // Every consent: no purpose list (fulfilment then covers all); else ids as '<register>:<purpose>'.
      else if (chosen.includes(ALL_PURPOSES)) details.scope = 'all';
      else details.purposes = chosen;
    } else if (!errors.purposesText) {
      if (!str('purposesText')) errors.purposesText = 'error.message.required';
      // The core takes no free-text purpose field: it goes first in the message.
      else details.message = [str('purposesText'), str('message')].filter(Boolean).join('\n\n');
    }
  }

  return { values, errors, name: str('name') ?? '', email: str('email') ?? '', details };
}

/** Field-name -> error pairs in the order the fields appear on the form. */
export function orderedErrors(type: RequestType, errors: FormErrors): [string, string][] {
  const order = fieldNames(type).flatMap((f) => (/^c\d_field$/.test(f) ? [f.slice(0, 2), f] : [f]));
  return Object.entries(errors).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
}
