import { workingDaysDeadline, type Country, type Deadline, type Ref } from '@regula/engine';

/** What the limit needs of the tenant's definition (a partial one, as stored, is enough). */
export interface WithdrawalLimitFacts {
  jurisdiction?: { country?: string; timeZone?: string };
  requests?: { consentWithdrawalWorkingDays?: number; fieldRefs?: Partial<Record<string, Ref[]>> };
  documents?: readonly { id: string; title?: string; role?: string }[];
}

/** The controller's promise to carry out a consent withdrawal, computed for one request. */
export interface WithdrawalLimit {
  /** The promised working days (Inomedis clause 15: three). */
  workingDays: number;
  /** The last day, local 'YYYY-MM-DD', and its end (23:59:59.999 local). */
  dueDate: string;
  dueAt: Date;
  /** The engine's explanation (holidays and weekends passed over). */
  explanation: Deadline['explanation'];
  /** Where the controller promises it (e.g. the notice, clause 15), when the facts say. */
  ref: WithdrawalLimitRef | null;
}

/**
 * The promise's source: `notice` when it is the controller's privacy notice
 * (each language words it), else `title` (a document's title, or the source
 * as the facts name it); `clause` when the place is a clause ("clause 15" →
 * "15", for each language to word), else `at`.
 */
export interface WithdrawalLimitRef {
  notice: boolean;
  title: string;
  clause?: string;
  at?: string;
}

/**
 * The outer limit a controller set itself for carrying out a consent
 * withdrawal in its own systems (`requests.consentWithdrawalWorkingDays`;
 * Inomedis notice clause 15: "within three working days"), counted from the
 * request's receipt in the controller's working days (Regulation 1182/71,
 * its public holidays and time zone: the engine's `workingDaysDeadline`).
 *
 * It is a limit, not a waiting period: the withdrawal is in effect from the
 * instant it reached the controller (GDPR Art. 7(3): withdrawing must be as
 * easy as giving consent, and it acts for the future from then), and the
 * consent-withdrawal fulfilment applies it at once. The dashboard shows the
 * limit and libs/sla alarms when it is near or passed on an open request.
 * Null for other request types and for a controller that promises no period
 * (the withdrawal is carried out with the request, within the legal month).
 * The clock of Art. 12(3) does not move it: a pause for identity does not
 * lengthen what the controller promised from receipt.
 */
export function withdrawalLimitOf(req: { type: string; receivedAt: Date }, facts: WithdrawalLimitFacts | null | undefined): WithdrawalLimit | null {
  if (req.type !== 'consent-withdrawal') return null;
  const days = facts?.requests?.consentWithdrawalWorkingDays ?? 0;
  const country = facts?.jurisdiction?.country;
  const timeZone = facts?.jurisdiction?.timeZone;
  if (!(days > 0) || !country || !timeZone) return null;
  const d = workingDaysDeadline({ country: country as Country, timeZone, received: new Date(req.receivedAt) }, days);
  return { workingDays: days, dueDate: d.dueDate, dueAt: d.dueAt, explanation: d.explanation, ref: promiseRef(facts) };
}

/** The first ref of the promise; a source that is one of the controller's documents is named by its title. */
function promiseRef(facts: WithdrawalLimitFacts | null | undefined): WithdrawalLimitRef | null {
  const ref = facts?.requests?.fieldRefs?.consentWithdrawalWorkingDays?.[0];
  if (!ref) return null;
  const doc = facts?.documents?.find((x) => x.id === ref.source);
  const clause = /^clause (\S+)$/.exec(ref.at ?? '')?.[1];
  return { notice: doc?.role === 'notice', title: doc?.title ?? ref.source, ...(clause ? { clause } : ref.at ? { at: ref.at } : {}) };
}
