import { zonedDateTime, zonedInstant } from '@regula/engine';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A `datetime-local` field's value ('YYYY-MM-DDTHH:mm') read in the
 * controller's time zone, as an ISO instant; '' → undefined; anything else is
 * returned as typed, so that the DTO's check names the field.
 */
export function localToIso(value: unknown, timeZone: string): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const m = LOCAL.exec(value.trim());
  if (!m) return value;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return value;
  return zonedInstant({ year, month, day, hour, minute }, timeZone).toISOString();
}

/** An instant as a `datetime-local` value in the controller's time zone. */
export function isoToLocal(at: Date | string | null | undefined, timeZone: string): string {
  if (!at) return '';
  const z = zonedDateTime(new Date(at), timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${z.year}-${p(z.month)}-${p(z.day)}T${p(z.hour)}:${p(z.minute)}`;
}
