import { InvalidInputError } from '@regula/platform';
import { receiptInstant } from './request-recording.validation';

/**
 * When identity information that reached the controller outside Regula (a
 * signed letter by post, an e-mail to its mailbox) arrived, as the admin who
 * records it states it. The clock runs again from that instant, not from the
 * admin's click (GDPR Art. 12(3) and 12(6); EDPB Guidelines 01/2022 §159: the
 * period stands still only while the information asked for is awaited).
 *
 * `value`: ISO 8601 with an offset, or a local date and time in the
 * controller's zone (the dashboard's datetime-local); empty means now.
 * Never in the future, never before identity was asked for (`askedAt`, the
 * open identity suspension's start); a 400 naming `arrivedAt` otherwise.
 */
export function identityArrival(value: unknown, ctx: { timeZone: string; now: Date; askedAt: Date | null }): Date | null {
  const given = value instanceof Date || (typeof value === 'string' && value.trim() !== '');
  if (!given) return ctx.askedAt ? ctx.now : null;
  const at = receiptInstant(value, ctx.timeZone);
  if (!at) throw new InvalidInputError(['arrivedAt must be a date and time: ISO 8601 with an offset, or a local date and time of the controller']);
  if (at.getTime() > ctx.now.getTime()) throw new InvalidInputError(['arrivedAt must not be in the future']);
  if (!ctx.askedAt) throw new InvalidInputError(['arrivedAt: no identity information is awaited for this request (the time limit already runs)']);
  if (at.getTime() < ctx.askedAt.getTime()) {
    throw new InvalidInputError([`arrivedAt must not be before identity information was asked for (${ctx.askedAt.toISOString()})`]);
  }
  return at;
}
