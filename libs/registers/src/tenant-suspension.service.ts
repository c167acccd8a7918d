import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '@regula/audit';
import { ConflictError, DomainEvents, InvalidInputError, NotFoundError, TenantDb } from '@regula/platform';
import { TenantPagesChanged } from '@regula/tenancy';

/** Who suspends or resumes: a platform admin (REST, dashboard) or the CLI. */
export interface SuspensionActor {
  userId: string | null;
  label: string;
  ip?: string;
}

export interface SuspensionState {
  slug: string;
  suspendedAt: Date | null;
  reason: string | null;
}

const REASON_MAX = 500;

/**
 * Suspends a controller and lifts the suspension (issue 17 §1), a platform
 * admin's act in the platform scope, recorded in the platform's audit chain:
 * while suspended, its public pages give its contact details and send
 * requests to it directly, REST and dashboard writes are refused (reading and
 * exports go on), and its deadlines, reminders and retention keep running
 * (the law's clock does not stop). Both are reversible and refused when they
 * would change nothing. Its pages are rendered afresh on every node
 * (TenantPagesChanged).
 */
@Injectable()
export class TenantSuspensions {
  constructor(private readonly db: TenantDb, private readonly audit: AuditService) {}

  suspend(slug: string, reason: unknown, actor: SuspensionActor, at = new Date()): Promise<SuspensionState> {
    const why = typeof reason === 'string' ? reason.trim() : '';
    if (!why) throw new InvalidInputError(['reason: say why the controller is suspended']);
    if (why.length > REASON_MAX) throw new InvalidInputError([`reason: at most ${REASON_MAX} characters`]);
    return this.db.forPlatform(async (em) => {
      const tenant = await this.find(em, slug);
      if (tenant.suspended_at) throw new ConflictError(`${slug} is already suspended (since ${tenant.suspended_at.toISOString()})`);
      await em.query(`UPDATE tenants SET suspended_at = $2, suspension_reason = $3 WHERE id = $1`, [tenant.id, at, why]);
      await this.record(em, tenant.id, slug, 'tenant.suspended', actor, { reason: why });
      return { slug, suspendedAt: at, reason: why };
    });
  }

  resume(slug: string, actor: SuspensionActor): Promise<SuspensionState> {
    return this.db.forPlatform(async (em) => {
      const tenant = await this.find(em, slug);
      if (!tenant.suspended_at) throw new ConflictError(`${slug} is not suspended`);
      await em.query(`UPDATE tenants SET suspended_at = NULL, suspension_reason = NULL WHERE id = $1`, [tenant.id]);
      await this.record(em, tenant.id, slug, 'tenant.resumed', actor, { suspendedAt: tenant.suspended_at.toISOString() });
      return { slug, suspendedAt: null, reason: null };
    });
  }

  private async find(em: EntityManager, slug: string): Promise<{ id: string; suspended_at: Date | null }> {
    const [tenant] = await em.query(`SELECT id, suspended_at FROM tenants WHERE slug = $1 FOR UPDATE`, [slug]);
    if (!tenant) throw new NotFoundError(`no tenant ${slug}`);
    return tenant;
  }

  private async record(em: EntityManager, tenantId: string, slug: string, action: AuditAction, actor: SuspensionActor, details: Record<string, unknown>) {
    await this.audit.append(em, { tenantId: null, actorId: actor.userId, actor: actor.label, action, targetType: 'tenant', targetId: tenantId, details: { slug, ...details }, ip: actor.ip });
    await DomainEvents.publish(em, new TenantPagesChanged({ tenantId }));
  }
}
