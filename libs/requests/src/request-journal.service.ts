import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '@regula/audit';
import { RequestActor } from './request-actor';
import { RequestEventEntity } from './request-event.entity';
import { RequestState } from './request-types';
import { RightsRequestEntity } from './rights-request.entity';

export interface JournalEntry {
  /** Timeline kind: 'received', 'transition', 'email-confirmed', 'identity-evidence', 'pause', 'resume', 'message', 'fee'... */
  kind: string;
  from?: RequestState | null;
  to?: RequestState | null;
  actor: RequestActor;
  /** The subject sees it on the status page. */
  visibleToSubject: boolean;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Audit action, "request.<verb>". */
  action: string;
  /** Extra audit details (no free text the subject typed). */
  details?: Record<string, unknown>;
  at?: Date;
}

/**
 * Every change of a request leaves a timeline event and an audit entry, in the
 * transaction that makes the change (they commit or roll back together).
 */
@Injectable()
export class RequestJournal {
  constructor(private readonly audit: AuditService) {}

  async record(em: EntityManager, req: RightsRequestEntity, e: JournalEntry): Promise<RequestEventEntity> {
    const at = e.at ?? new Date();
    const event = await em.save(
      em.create(RequestEventEntity, {
        tenantId: req.tenantId,
        requestId: req.id,
        at,
        kind: e.kind,
        fromState: e.from ?? null,
        toState: e.to ?? null,
        actor: e.actor.label,
        visibleToSubject: e.visibleToSubject,
        note: e.note ?? null,
        data: e.data ?? {},
      }),
    );
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
    return event;
  }
}
