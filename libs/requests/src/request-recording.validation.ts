import { localDateOf, localDaysBetween, zonedInstant } from '@regula/engine';
import { InvalidInputError } from '@regula/platform';
import { checkRequestFields, text } from './file-request.validation';
import { RequestType } from './request-types';
import { TenantFacts } from './tenant-facts';

/** The channels an admin records a request from (the web form files itself). */
export const RECORDED_CHANNELS = ['e-mail', 'post', 'phone', 'in-person'] as const;
export type RecordedChannel = (typeof RECORDED_CHANNELS)[number];

/** A receipt further back than this is recorded only with a reason (`lateReason`). */
export const LATE_REASON_AFTER_DAYS = 30;

/** What an admin types when recording a request that reached the controller another way. */
export interface RecordRequestInput {
  channel: RecordedChannel;
  /** The instant it reached the controller: ISO 8601 with an offset, or a local date and time (the controller's time zone). */
  receivedAt: string | Date;
  /** Why a receipt more than 30 days back is recorded only now (required then). */
  lateReason?: string;
  /** Who at the controller received it (a member's name); the recording admin by default. */
  receivedBy?: string;
  name: string;
  /** Optional: without one, no e-mail, no status link and no code; the admin answers by post or in person. */
  email?: string | null;
  postalAddress?: string | null;
  phone?: string | null;
  /** Several types make one request per type, linked by `details.recordedWith`. */
  types: RequestType[];
  locale: string;
  details?: Record<string, unknown>;
  /** How the admin established identity when recording (seen in person, a signed letter): the request starts in progress. */
  identityNote?: string | null;
}

export interface CleanRecordedRequest {
  channel: RecordedChannel;
  receivedAt: Date;
  lateReason: string | null;
  receivedBy: string | null;
  name: string;
  email: string | null;
  postalAddress: string | null;
  phone: string | null;
  types: RequestType[];
  locale: string;
  details: Record<string, unknown>;
  identityNote: string | null;
  /** Recorded on a later local day (the controller's time zone) than it was received. */
  recordedLate: boolean;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const PHONE = /^\+?[0-9][0-9 ().-]{4,39}$/;

/** An instant from ISO 8601 with an offset, or a wall time in the controller's zone (the dashboard's datetime-local). */
export function receiptInstant(v: unknown, timeZone: string): Date | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  if (typeof v !== 'string' || !v.trim()) return undefined;
  const s = v.trim();
  const local = LOCAL.exec(s);
  if (local) {
    const [, y, mo, d, h, mi, se] = local.map(Number);
    try {
      return zonedInstant({ year: y, month: mo, day: d, hour: h, minute: mi, second: se || 0, millisecond: 0 }, timeZone);
    } catch {
      return undefined;
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return undefined;
  const t = new Date(s);
  return Number.isNaN(t.getTime()) ? undefined : t;
}

/** Checks a recorded request; 400 naming every problem (`receivedAt`, `lateReason`, the contact...). */
export function validateRecordedRequest(input: RecordRequestInput, facts: TenantFacts, now: Date): CleanRecordedRequest {
  if (!input || typeof input !== 'object') throw new InvalidInputError(['the request must be an object']);
  const errors: string[] = [];
  const channel = input.channel;
  if (!RECORDED_CHANNELS.includes(channel)) errors.push(`channel must be one of: ${RECORDED_CHANNELS.join(', ')}`);

  const receivedAt = receiptInstant(input.receivedAt, facts.timeZone);
  const lateReason = text(input.lateReason, 'lateReason', 2000, errors, { multiline: true }) || null;
  let recordedLate = false;
  if (!receivedAt) {
    errors.push('receivedAt must be a date and time (ISO 8601, e.g. 2026-12-01T09:30:00Z, or a local 2026-12-01T11:30)');
  } else if (receivedAt.getTime() > now.getTime()) {
    errors.push('receivedAt must not be in the future');
  } else {
    // Late: not recorded on the local day it arrived (the controller's calendar, which the deadline counts in).
    recordedLate = localDaysBetween(localDateOf(receivedAt, facts.timeZone), localDateOf(now, facts.timeZone)) > 0;
    if (now.getTime() - receivedAt.getTime() > LATE_REASON_AFTER_DAYS * 86_400_000 && !lateReason) {
      errors.push(`lateReason is required when receivedAt is more than ${LATE_REASON_AFTER_DAYS} days back: say why it is recorded only now`);
    }
  }
  const receivedBy = text(input.receivedBy, 'receivedBy', 200, errors) || null;
  const postalAddress = text(input.postalAddress, 'postalAddress', 1000, errors, { multiline: true }) || null;
  const phone = text(input.phone, 'phone', 40, errors) || null;
  if (phone && !PHONE.test(phone)) errors.push('phone must be a telephone number (digits, spaces, + ( ) - .)');
  const identityNote = text(input.identityNote, 'identityNote', 2000, errors, { multiline: true }) || null;

  const types = Array.isArray(input.types) ? [...new Set(input.types)] : [];
  if (types.length === 0 || types.length > 10) errors.push('types must list 1 to 10 request types');
  const perType = new Set<string>();
  let fields: ReturnType<typeof checkRequestFields> | undefined;
  for (const type of types) {
    const found: string[] = [];
    fields = checkRequestFields({ ...input, type, details: input.details ?? {}, channel: undefined }, facts, found, { emailRequired: false });
    found.forEach((e) => perType.add(e));
  }
  errors.push(...perType);
  const email = fields?.email ?? null;
  if (!email && !postalAddress && !phone) errors.push('contact: give the subject\'s email, postalAddress or phone (at least one)');
  if (errors.length) throw new InvalidInputError(errors);
  return {
    channel, receivedAt: receivedAt!, lateReason, receivedBy, name: fields!.name, email, postalAddress, phone, types,
    locale: fields!.locale, details: fields!.details, identityNote, recordedLate,
  };
}
