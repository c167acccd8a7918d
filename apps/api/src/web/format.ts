import { Address, Lang } from '@regula/engine';
import { dateTimeFormat, displayNamesOf } from '@regula/platform';
import { isPlaceholder } from './public-tenant';

/** Dates, instants and addresses in the page language. */

const LOCALE: Record<Lang, string> = { en: 'en-GB', et: 'et', lt: 'lt', sv: 'sv', lv: 'lv' };

/** A calendar date 'YYYY-MM-DD' (no time zone involved), e.g. "Tuesday, 7 April 2026". */
export function formatDate(date: string, lang: Lang, style: 'full' | 'long' = 'long'): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime())) return date;
  return dateTimeFormat(LOCALE[lang], { dateStyle: style, timeZone: 'UTC' }).format(d);
}

/** An instant in the controller's time zone, date and time. */
export function formatInstant(at: Date | string, lang: Lang, timeZone: string): string {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return String(at);
  return dateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);
}

export function weekdayName(date: string, lang: Lang): string {
  return dateTimeFormat(LOCALE[lang], { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

export function countryName(code: string, lang: Lang): string {
  try {
    return displayNamesOf(LOCALE[lang], 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

/** The native name of a language, capitalised ("Latviešu"). */
export function languageName(lang: Lang): string {
  const n = displayNamesOf(LOCALE[lang], 'language').of(lang) ?? lang;
  return n.charAt(0).toLocaleUpperCase(LOCALE[lang]) + n.slice(1);
}

/** Address lines; null when the controller left it blank. */
export function addressLines(a: Address | undefined, lang: Lang): string[] | null {
  if (!a || isPlaceholder(a.street) || isPlaceholder(a.city)) return null;
  const city = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.careOf, a.street, city, a.region, countryName(a.country, lang)].filter((x): x is string => !!x);
}

/** A URL for an href: only http(s) addresses are linked. */
export function webHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return /^https?:\/\/[^\s"'<>]+$/i.test(url) ? url : undefined;
}

/** A web address for display, without the scheme. */
export function webLabel(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/** `tel:` form of a phone number (digits and a leading +). */
export function telHref(phone: string | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length >= 5 ? `tel:${digits}` : undefined;
}
