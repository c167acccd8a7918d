import { Inject, Injectable, Optional } from '@nestjs/common';
import { CLOCK, Clock, InvalidInputError, systemClock, TenantDb } from '@regula/platform';
import { RequestActor } from '../request-actor';
import { RequestJournal } from '../request-journal.service';
import { findByReference } from '../request-store';
import { RightsRequestEntity } from '../rights-request.entity';
import { namesOf, TeamMember, teamMembers } from './request-team';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Assignment {
  reference: string;
  assignee: { userId: string; name: string } | null;
}

/**
 * Who handles a request: assigned (or reassigned, or released) to a member
 * of the tenant with a staff role. Every change is a timeline entry (never
 * shown to the subject) and an audit entry `request.assigned` naming the
 * previous and the new handler. Assigning the current handler again changes
 * nothing and records nothing.
 */
@Injectable()
export class RequestAssignmentService {
  constructor(private readonly db: TenantDb, private readonly journal: RequestJournal, @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock) {}

  /** The members a request may be assigned to. */
  team(tenantId: string): Promise<TeamMember[]> {
    return this.db.forTenant(tenantId, (em) => teamMembers(em, tenantId, this.clock()));
  }

  /** `assigneeId` null releases the request (nobody handles it). */
  assign(tenantId: string, reference: string, actor: RequestActor, assigneeId: string | null): Promise<Assignment> {
    if (assigneeId !== null && (typeof assigneeId !== 'string' || !UUID.test(assigneeId))) throw new InvalidInputError(['assigneeId must be a member id (UUID) or null']);
    return this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, reference, { lock: true });
      let member: TeamMember | null = null;
      if (assigneeId) {
        member = (await teamMembers(em, tenantId, this.clock())).find((m) => m.userId.toLowerCase() === assigneeId.toLowerCase()) ?? null;
        if (!member) throw new InvalidInputError(['assigneeId must be a member of this tenant who handles requests (a compliance admin)']);
      }
      const next = member?.userId ?? null;
      if (req.assigneeId === next) return { reference: req.reference, assignee: member && { userId: member.userId, name: member.name } };
      const previous = req.assigneeId;
      const previousName = previous ? (await namesOf(em, [previous])).get(previous) ?? null : null;
      await em.update(RightsRequestEntity, { id: req.id, tenantId }, { assigneeId: next });
      req.assigneeId = next;
      await this.journal.record(em, req, {
        kind: next ? 'assigned' : 'unassigned', actor, visibleToSubject: false,
        note: member?.name ?? null, data: { assigneeId: next, previousAssigneeId: previous, previousName },
        action: 'request.assigned', details: { assigneeId: next, previousAssigneeId: previous },
      });
      return { reference: req.reference, assignee: member && { userId: member.userId, name: member.name } };
    });
  }
}
