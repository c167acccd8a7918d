import { EntityManager, IsNull } from 'typeorm';
import { insertRows } from '@regula/platform';
import { RequestDeadlines, requestDeadlines } from './request-deadline';
import { RequestSuspensionEntity } from './request-suspension.entity';
import { RightsRequestEntity } from './rights-request.entity';
import { TenantFacts } from './tenant-facts';

/** The request's suspensions, oldest first. */
export function suspensionsOf(em: EntityManager, req: RightsRequestEntity): Promise<RequestSuspensionEntity[]> {
  return em.find(RequestSuspensionEntity, { where: { tenantId: req.tenantId, requestId: req.id }, order: { fromAt: 'ASC' } });
}

export function openSuspension(em: EntityManager, req: RightsRequestEntity): Promise<RequestSuspensionEntity | null> {
  return em.findOne(RequestSuspensionEntity, { where: { tenantId: req.tenantId, requestId: req.id, toAt: IsNull() } });
}

/** The deadlines of a request from its stored receipt, suspensions and extension (request-deadline.ts). */
export async function deadlinesOf(em: EntityManager, facts: TenantFacts, req: RightsRequestEntity, now: Date): Promise<RequestDeadlines> {
  const suspensions = await suspensionsOf(em, req);
  return requestDeadlines({
    receivedAt: req.receivedAt,
    suspensions,
    extended: !!req.extendedAt,
    country: facts.country,
    timeZone: facts.timeZone,
    now,
  });
}

/** Recomputes and assigns due_at, due_date and first_due_at (the caller saves). */
export async function recomputeDue(em: EntityManager, facts: TenantFacts, req: RightsRequestEntity, now: Date): Promise<RequestDeadlines> {
  const d = await deadlinesOf(em, facts, req, now);
  req.dueAt = d.dueAt;
  req.dueDate = d.dueDate;
  req.firstDueAt = d.firstDueAt;
  return d;
}

/** Asking for identity more than this many days after receipt is flagged as late (REQUESTS_IDENTITY_LATE_DAYS). */
export const DEFAULT_IDENTITY_LATE_DAYS = 7;

/** Whether identity asked for at `askedAt` was asked for late: more than `lateAfterDays` (of 24 hours) after receipt. */
export function isIdentityRequestLate(receivedAt: Date, askedAt: Date, lateAfterDays = DEFAULT_IDENTITY_LATE_DAYS): boolean {
  return askedAt.getTime() - receivedAt.getTime() > lateAfterDays * 86_400_000;
}

/**
 * Stops the clock from `at` while identity information asked for under GDPR
 * Art. 12(6) is awaited (the only stop: see suspendedDayCount in
 * @regula/engine for the rule and its sources). The first time, records when
 * identity was asked for and whether that was more than `lateAfterDays` after
 * receipt (the caller saves the request). Returns null when the clock already
 * stands still.
 */
export async function openIdentitySuspension(
  em: EntityManager, req: RightsRequestEntity, at: Date, reason: string, lateAfterDays = DEFAULT_IDENTITY_LATE_DAYS,
): Promise<RequestSuspensionEntity | null> {
  if (!req.identityRequestedAt) {
    req.identityRequestedAt = at;
    req.identityRequestLate = isIdentityRequestLate(req.receivedAt, at, lateAfterDays);
  }
  if (await openSuspension(em, req)) return null;
  return insertIdentitySuspension(em, req, at, reason);
}

/** The identity stop itself, for a request known to have no open stop (one filed in this transaction). */
export async function insertIdentitySuspension(em: EntityManager, req: RightsRequestEntity, at: Date, reason: string): Promise<RequestSuspensionEntity> {
  const [stop] = await insertRows(em, RequestSuspensionEntity, [em.create(RequestSuspensionEntity, { tenantId: req.tenantId, requestId: req.id, fromAt: at, toAt: null, kind: 'identity', reason })]);
  return stop;
}

/** Closes the open suspension, if any, at `at` (the moment the awaited information arrived). */
export async function closeOpenSuspension(em: EntityManager, req: RightsRequestEntity, at: Date): Promise<RequestSuspensionEntity | null> {
  const open = await openSuspension(em, req);
  if (!open) return null;
  open.toAt = at.getTime() < open.fromAt.getTime() ? open.fromAt : at;
  return em.save(open);
}
