import { Injectable } from '@nestjs/common';
import { AuditService } from '@regula/audit';
import { NotFoundError, TenantDb } from '@regula/platform';
import type { Actor } from '@regula/ingest';
import { RecordRetention } from '@regula/subjects';
import { RetentionRunEntity } from './retention-run.entity';
import { RetentionRunCountEntity } from './retention-run-count.entity';
import { DUE_SQL, OPEN_REQUEST_SQL, RESTRICTION_SQL } from './retention-rules';
import { RetentionSweepService } from './retention-sweep.service';

export interface DueCount {
  register: string;
  category: string;
  due: number;
  legalHold: number;
  openRequest: number;
  restriction: number;
  erasable: number;
}

/** The retention API's reads and actions: runs, due counts, on-demand runs, legal holds. */
@Injectable()
export class RetentionRunsService {
  constructor(private readonly db: TenantDb, private readonly sweeps: RetentionSweepService, private readonly audit: AuditService, private readonly records: RecordRetention) {}

  list(tenantId: string, limit = 50): Promise<RetentionRunEntity[]> {
    return this.db.forTenant(tenantId, (em) => em.find(RetentionRunEntity, { where: { tenantId }, order: { startedAt: 'DESC' }, take: limit }));
  }

  async get(tenantId: string, runId: string): Promise<RetentionRunEntity & { counts: RetentionRunCountEntity[] }> {
    return this.db.forTenant(tenantId, async (em) => {
      const run = await em.findOneBy(RetentionRunEntity, { id: runId, tenantId });
      if (!run) throw new NotFoundError(`no retention run ${runId}`);
      const counts = await em.find(RetentionRunCountEntity, { where: { runId }, order: { registerKey: 'ASC', categoryId: 'ASC' } });
      return { ...run, counts };
    });
  }

  /**
   * Starts a run now (or returns the running one), adds its job, and audits
   * who asked: the one way in for the REST API and the dashboard alike, so a
   * manual run leaves the same entry whichever door it came through (the run's
   * own completion entry comes from the sweep).
   */
  async runNow(tenantId: string, actor: Actor): Promise<{ id: string; status: string; created: boolean }> {
    const { run, created } = await this.sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: actor.label });
    if (run.status === 'running') await this.sweeps.enqueue(tenantId, run.id);
    await this.db.forTenant(tenantId, (em) =>
      this.audit.append(em, {
        tenantId, actorId: actor.id, actor: actor.label, action: 'retention.run.requested',
        targetType: 'retention-run', targetId: run.id, details: { created, status: run.status }, ip: actor.ip,
      }),
    );
    return { id: run.id, status: run.status, created };
  }

  /** Records due at `before` (default now) per register and category, and what protects the kept ones. */
  due(tenantId: string, before = new Date()): Promise<DueCount[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows: { register_key: string; category_id: string; due: number; h: number; q: number; r: number }[] = await em.query(
        `SELECT register_key, category_id, count(*)::int AS due,
                count(*) FILTER (WHERE legal_hold)::int AS h,
                count(*) FILTER (WHERE NOT legal_hold AND ${OPEN_REQUEST_SQL})::int AS q,
                count(*) FILTER (WHERE NOT legal_hold AND NOT ${OPEN_REQUEST_SQL} AND ${RESTRICTION_SQL})::int AS r
           FROM personal_data_records r WHERE ${DUE_SQL}
          GROUP BY register_key, category_id ORDER BY register_key, category_id`,
        [tenantId, before],
      );
      return rows.map((x) => ({
        register: x.register_key, category: x.category_id, due: x.due, legalHold: x.h, openRequest: x.q, restriction: x.r, erasable: x.due - x.h - x.q - x.r,
      }));
    });
  }

  /** Places or lifts a legal hold on one record (audited with the reason). */
  async setLegalHold(tenantId: string, recordId: string, hold: boolean, reason: string, actor: Actor): Promise<{ id: string; legalHold: boolean; changed: boolean }> {
    return this.db.forTenant(tenantId, async (em) => {
      const [row]: { id: string; legal_hold: boolean; erased_at: Date | null; register_key: string; category_id: string }[] = await em.query(
        `SELECT id, legal_hold, erased_at, register_key, category_id FROM personal_data_records WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [tenantId, recordId],
      );
      if (!row) throw new NotFoundError(`no record ${recordId}`);
      if (row.legal_hold === hold) return { id: row.id, legalHold: hold, changed: false };
      await this.records.setLegalHold(em, tenantId, recordId, hold);
      await this.audit.append(em, {
        tenantId, actorId: actor.id, actor: actor.label, action: hold ? 'record.legal-hold.placed' : 'record.legal-hold.lifted',
        targetType: 'record', targetId: recordId, details: { register: row.register_key, category: row.category_id, reason, erased: !!row.erased_at }, ip: actor.ip,
      });
      return { id: row.id, legalHold: hold, changed: true };
    });
  }
}
