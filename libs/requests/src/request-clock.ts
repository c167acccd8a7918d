import { EntityManager, IsNull } from 'typeorm';
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

/** Closes the open suspension, if any, at `at`. */
export async function closeOpenSuspension(em: EntityManager, req: RightsRequestEntity, at: Date): Promise<RequestSuspensionEntity | null> {
  const open = await openSuspension(em, req);
  if (!open) return null;
  open.toAt = at.getTime() < open.fromAt.getTime() ? open.fromAt : at;
  return em.save(open);
}
