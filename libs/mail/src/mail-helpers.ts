import Handlebars from 'handlebars';
import { dateTimeFormat } from '@regula/platform';

/** Intl locale for each language Regula writes in (English dates in the European order). */
const INTL_LOCALE: Record<string, string> = { en: 'en-GB', et: 'et-EE', lt: 'lt-LT', sv: 'sv-SE', lv: 'lv-LV' };

interface Root {
  lang?: string;
  tenant?: { timeZone?: string };
}

function rootOf(options: Handlebars.HelperOptions): Root {
  return (options?.data?.root ?? {}) as Root;
}

function intlLocale(lang: string | undefined): string {
  return INTL_LOCALE[lang ?? 'en'] ?? 'en-GB';
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;


/**
 * A date in the request's language: a 'YYYY-MM-DD' calendar date (a due date)
 * as it is; an instant (Date or ISO string) in the tenant's time zone.
 */
export function formatDate(value: unknown, lang: string | undefined, timeZone: string | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string' && LOCAL_DATE.test(value)) {
    return dateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T12:00:00Z`));
  }
  const d = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  return dateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeZone: timeZone ?? 'UTC' }).format(d);
}

export function formatDateTime(value: unknown, lang: string | undefined, timeZone: string | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const d = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(d.getTime())) return String(value);
  return dateTimeFormat(intlLocale(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: timeZone ?? 'UTC' }).format(d);
}

export function formatMoney(value: unknown, lang: string | undefined): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value ?? '');
  return new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: 'EUR' }).format(n);
}

/** Handlebars helpers of the e-mail templates. Every one escapes what it is given. */
export const MAIL_HELPERS: Record<string, Handlebars.HelperDelegate> = {
  /** {{date value}}: a due date or an instant, in the request's language and the tenant's time zone. */
  date(value: unknown, options: Handlebars.HelperOptions) {
    const root = rootOf(options);
    return formatDate(value, root.lang, root.tenant?.timeZone);
  },
  datetime(value: unknown, options: Handlebars.HelperOptions) {
    const root = rootOf(options);
    return formatDateTime(value, root.lang, root.tenant?.timeZone);
  },
  money(value: unknown, options: Handlebars.HelperOptions) {
    return formatMoney(value, rootOf(options).lang);
  },
  /** Text a person typed, escaped, its line breaks kept. */
  multiline(value: unknown) {
    const escaped = Handlebars.Utils.escapeExpression(String(value ?? ''));
    return new Handlebars.SafeString(escaped.replace(/\r?\n/g, '<br>\n'));
  },
  /** The name of a partial in the request's language: {{> (langPartial "footer")}}. */
  langPartial(name: string, options: Handlebars.HelperOptions) {
    return `${rootOf(options).lang ?? 'en'}/${name}`;
  },
  or(...args: unknown[]) {
    return args.slice(0, -1).find((a) => !!a) ?? '';
  },
};
