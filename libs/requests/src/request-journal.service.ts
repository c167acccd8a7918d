import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@regula/audit';
import { CLOCK, Clock, DomainEvents, insertRows, systemClock } from '@regula/platform';
import { RequestActor } from './request-actor';
import { RequestClockChanged } from './request-clock-changed.event';
import { markNoticesToReplan } from './next-notice';
import { RequestEventEntity } from './request-event.entity';
import { RequestState } from './request-types';
import { RightsRequestEntity } from './rights-request.entity';

export interface JournalEntry {
  /** Timeline kind: 'received' (only in the transaction that inserts the request), 'transition', 'email-confirmed', 'identity-evidence', 'message', 'fee'... */
  kind: string;
  from?: RequestState | null;
  to?: RequestState | null;
  actor: RequestActor;
  /** The subject sees it on the status page. */
  visibleToSubject: boolean;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Audit action, "request.<verb>". */
  action: AuditAction;
  /** Extra audit details (no free text the subject typed). */
  details?: Record<string, unknown>;
  at?: Date;
  /** The entry started or stopped the clock without a change of state (identity information arrived, or was asked for again). */
  movesClock?: boolean;
  /** The entry changes what the SLA plan sees without moving the clock (the e-mail address confirmed: a withdrawal's limit alarms apply from then). */
  replansNotices?: boolean;
}

/** Entries that may move the request's deadlines: its filing, a change of state, the clock stopped or started again. */
function movesClock(e: JournalEntry): boolean {
  return !!e.to || !!e.movesClock;
}

/**
 * Every change of a request leaves a timeline event and an audit entry, in the
 * transaction that makes the change (they commit or roll back together).
 * A change that may move the deadlines marks the request's SLA notices to be
 * planned again (next-notice.ts) and publishes RequestClockChanged, which its
 * handlers (the SLA notices) receive after the commit.
 */
@Injectable()
export class RequestJournal {
  constructor(private readonly audit: AuditService, private readonly events: DomainEvents, @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock) {}

  async record(em: EntityManager, req: RightsRequestEntity, e: JournalEntry): Promise<RequestEventEntity> {
    return (await this.recordAll(em, req, [e]))[0];
  }

  /**
   * Several entries of one request in one go (a filing that is received and
   * waits for identity at once): their events in one INSERT, the SLA plan
   * marked and RequestClockChanged published once for the lot. `planBySweep`
   * (a new request only): nothing is published; its row, marked to be planned
   * again, is planned by the next SLA sweep instead of after the commit.
   */
  async recordAll(em: EntityManager, req: RightsRequestEntity, entries: JournalEntry[], opts: { planBySweep?: boolean } = {}): Promise<RequestEventEntity[]> {
    const events = entries.map((e) =>
      em.create(RequestEventEntity, {
        tenantId: req.tenantId,
        requestId: req.id,
        at: e.at ?? this.clock(),
        kind: e.kind,
        fromState: e.from ?? null,
        toState: e.to ?? null,
        actor: e.actor.label,
        visibleToSubject: e.visibleToSubject,
        note: e.note ?? null,
        data: e.data ?? {},
      }),
    );
    // The generated ids come back into `events`.
    await insertRows(em, RequestEventEntity, events);
    for (const e of entries) {
      await this.audit.append(em, {
        tenantId: req.tenantId,
        actorId: e.actor.userId,
        actor: e.actor.auditLabel ?? e.actor.label,
        action: e.action,
        targetType: 'rights-request',
        targetId: req.id,
        details: { reference: req.reference, ...(e.from || e.to ? { from: e.from ?? null, to: e.to ?? null } : {}), ...(e.details ?? {}) },
        ip: e.actor.ip,
      });
    }
    // The SLA sweep plans the request again (next_notice_at), in this transaction: a crash after the commit loses no notice.
    // A `received` entry is written by the transaction that inserted the request, whose next_notice_at is still the
    // column's default, -infinity ("plan again"): nothing to mark.
    const filedHere = entries.some((e) => e.kind === 'received');
    if (!filedHere && entries.some((e) => movesClock(e) || e.replansNotices)) await markNoticesToReplan(em, req.tenantId, req.id);
    // planBySweep: the request is left marked "plan again" (a new row's next_notice_at is -infinity) for the SLA sweep to plan.
    if (entries.some(movesClock) && !opts.planBySweep) await this.events.publish(em, new RequestClockChanged({ tenantId: req.tenantId, requestId: req.id, type: req.type }));
    return events;
  }
}
