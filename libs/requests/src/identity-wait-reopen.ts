import { EntityManager } from 'typeorm';
import { RequestActor } from './request-actor';
import { orConflict } from './request-errors';
import { RequestJournal } from './request-journal.service';
import { nextState } from './request-state-machine';
import { RequestSuspensionEntity } from './request-suspension.entity';
import { RightsRequestEntity } from './rights-request.entity';

/** A request closed as "identity not confirmed" (with a letter) reopens when the information arrives. */
export function reopensOnArrival(req: RightsRequestEntity): boolean {
  return req.state === 'refused' && req.refusalGround === 'identity-not-established' && !!req.identityWaitClosedAt;
}

/**
 * Reopens such a request at `now`, as its letter promised: back to
 * awaiting-identity with its original receipt; the time it stood closed is
 * recorded as a stretch of the identity wait (the clock stood still: the
 * information was still awaited), so the deadline is the one it would have had.
 * The caller then records the arrival, which starts the clock again.
 */
export async function reopenOnArrival(em: EntityManager, journal: RequestJournal, req: RightsRequestEntity, actor: RequestActor, now: Date): Promise<void> {
  const from = req.state;
  const to = orConflict(nextState(from, 'reopen'));
  const closedAt = req.identityWaitClosedAt!;
  await em.save(em.create(RequestSuspensionEntity, {
    tenantId: req.tenantId, requestId: req.id, fromAt: closedAt, toAt: now.getTime() < closedAt.getTime() ? closedAt : now, kind: 'identity',
    reason: 'closed as "identity not confirmed" until the information arrived',
  }));
  req.state = to;
  req.closedAt = null;
  req.refusalGround = null;
  req.refusalReason = null;
  req.identityWaitClosedAt = null;
  req.identityRemindersSent = 0;
  await em.save(req);
  await journal.record(em, req, {
    kind: 'transition', from, to, actor, visibleToSubject: true, at: now,
    note: 'The information arrived: the request is open again, with its original date of receipt', data: { key: 'reopened' },
    action: 'request.reopened', details: { closedAt: closedAt.toISOString() },
  });
}
