import type { ArrivalSource } from './intake-message.entity';

export interface ArrivalProposal {
  at: Date;
  source: ArrivalSource;
}

/** An RFC 5322 date ("Tue, 1 Dec 2026 09:12:03 +0200 (EET)"), or null when it does not parse. */
export function parseMailDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const clean = value.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  const d = new Date(clean);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The instant a `Received` header stamps: the date after its last `;` (RFC 5321 §4.4). */
export function receivedHeaderDate(value: string): Date | null {
  const semi = value.lastIndexOf(';');
  return semi < 0 ? null : parseMailDate(value.slice(semi + 1));
}

/**
 * When a forwarded message first reached the controller, for the admin to confirm:
 * the topmost `Received` header of the original (each server prepends its own, so the
 * first one is the last hop, the controller's mailbox), else its `Date`. A date later
 * than Regula's acceptance is never proposed (a clock ahead, a forged header): the
 * receipt cannot be after the moment the request was in Regula's hands.
 */
export function proposeOriginalArrival(original: { received: string[]; date: string | Date | null }, acceptedAt: Date): ArrivalProposal | null {
  const usable = (d: Date | null): d is Date => !!d && d.getTime() <= acceptedAt.getTime();
  const last = original.received.length ? receivedHeaderDate(original.received[0]) : null;
  if (usable(last)) return { at: last, source: 'received-header' };
  const date = original.date instanceof Date ? (Number.isNaN(original.date.getTime()) ? null : original.date) : parseMailDate(original.date);
  if (usable(date)) return { at: date, source: 'date-header' };
  return null;
}
