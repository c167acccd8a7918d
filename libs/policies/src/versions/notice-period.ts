import type { ControllerDefinition } from '@regula/engine';
import { addLocalDays, formatLocalDate, localDateOf } from '@regula/engine';

/** Days between publishing a material change and its effective date, unless the tenant sets `policyChanges.noticeDays`. */
export const DEFAULT_NOTICE_DAYS = 30;

/** The tenant's notice period for material changes (days). */
export function noticeDays(def: Pick<ControllerDefinition, 'policyChanges'>): number {
  const n = def.policyChanges?.noticeDays;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : DEFAULT_NOTICE_DAYS;
}

/**
 * The effective date to propose for a version published at `now`
 * ('YYYY-MM-DD' in the tenant's time zone): a material change leaves its
 * readers the tenant's notice period to read it before it applies; any other
 * change applies from today.
 */
export function proposedEffectiveDate(now: Date, timeZone: string, material: boolean, days: number): string {
  const today = localDateOf(now, timeZone);
  return formatLocalDate(material ? addLocalDays(today, days) : today);
}
