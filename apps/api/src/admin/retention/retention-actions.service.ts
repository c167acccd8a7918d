import { Injectable } from '@nestjs/common';
import { AuditService } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { RetentionRunsService } from '@regula/retention';
import type { Actor } from '@regula/subjects';

/**
 * The retention page's actions, on the services the REST API uses. A run
 * started from the dashboard is audited here (the run's own completion entry
 * comes from the sweep); legal holds are audited by RetentionRunsService.
 */
@Injectable()
export class RetentionActions {
  constructor(private readonly runs: RetentionRunsService, private readonly db: TenantDb, private readonly audit: AuditService) {}

  async runNow(tenantId: string, actor: Actor): Promise<{ id: string; created: boolean }> {
    const run = await this.runs.runNow(tenantId, actor);
    await this.db.forTenant(tenantId, (em) =>
      this.audit.append(em, {
        tenantId, actorId: actor.id, actor: actor.label, action: 'retention.run.requested',
        targetType: 'retention-run', targetId: run.id, details: { created: run.created, status: run.status, via: 'dashboard' }, ip: actor.ip,
      }),
    );
    return run;
  }

  setLegalHold(tenantId: string, recordId: string, hold: boolean, reason: string, actor: Actor) {
    return this.runs.setLegalHold(tenantId, recordId, hold, reason, actor);
  }
}
