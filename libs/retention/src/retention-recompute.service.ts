import { Injectable, Logger } from '@nestjs/common';
import type { ControllerDefinition, Register } from '@regula/engine';
import { TenantDb } from '@regula/platform';
import { RegistersService } from '@regula/registers';
import { TenantEntity } from '@regula/tenancy';
import { retentionDueFor } from '@regula/ingest';
import { RecordRetention, type DueDateChange } from '@regula/subjects';
import { retentionRulesHash } from './retention-rules';

const BATCH = 5000;

export interface RecomputeResult {
  registerKey: string;
  checked: number;
  changed: number;
  rulesHash: string | null;
}

interface TenantRules {
  timeZone: string;
  financialYearEnd?: string;
}

/**
 * Keeps `personal_data_records.retention_due_at` in step with the register's
 * current retention rules. Ingest computes a record's due date when its
 * anchors change; this recomputes a whole register after its rules (or the
 * controller's time zone / financial year end) changed, with the same
 * function ingest uses (`retentionDueFor`). Batches by id, one transaction
 * each; a row changed meanwhile (by ingest) is left as ingest wrote it.
 * Idempotent: a second run changes nothing. The rules' hash is stored per
 * register, so a sweep recomputes only registers whose rules changed.
 */
@Injectable()
export class RetentionRecomputeService {
  private readonly logger = new Logger('retention');

  constructor(private readonly db: TenantDb, private readonly registers: RegistersService, private readonly records: RecordRetention) {}

  private async tenantRules(tenantId: string): Promise<TenantRules> {
    const tenant = await this.db.forTenant(tenantId, (em) => em.findOneOrFail(TenantEntity, { where: { id: tenantId } }));
    const def = tenant.definition as Partial<ControllerDefinition>;
    return { timeZone: tenant.timeZone, financialYearEnd: def.financialYearEnd };
  }

  /** Registers whose stored due dates were computed from other rules than their current ones. */
  async staleRegisters(tenantId: string): Promise<string[]> {
    const rules = await this.tenantRules(tenantId);
    const current = await this.registers.listCurrent(tenantId);
    const states: { register_key: string; rules_hash: string }[] = await this.db.forTenant(tenantId, (em) =>
      em.query(`SELECT register_key, rules_hash FROM retention_register_states WHERE tenant_id = $1`, [tenantId]),
    );
    const known = new Map(states.map((s) => [s.register_key, s.rules_hash]));
    return current.filter((r) => known.get(r.key) !== retentionRulesHash(r.definition as unknown as Register, rules)).map((r) => r.key);
  }

  /** Recomputes every stale register of the tenant (a sweep calls this before it erases anything). */
  async refreshStale(tenantId: string): Promise<RecomputeResult[]> {
    const out: RecomputeResult[] = [];
    for (const key of await this.staleRegisters(tenantId)) out.push(await this.recompute(tenantId, key));
    return out;
  }

  /** Recomputes the due date of every record of one register that is not erased. */
  async recompute(tenantId: string, registerKey: string): Promise<RecomputeResult> {
    const view = await this.registers.get(tenantId, registerKey);
    if (!view || view.retired) return { registerKey, checked: 0, changed: 0, rulesHash: null };
    const reg = view.definition as unknown as Register;
    const rules = await this.tenantRules(tenantId);
    const hash = retentionRulesHash(reg, rules);
    let after = '00000000-0000-0000-0000-000000000000';
    let checked = 0;
    let changed = 0;
    for (;;) {
      const n = await this.db.forTenant(tenantId, async (em) => {
        const rows: { id: string; category_id: string; collected_at: Date; anchors: Record<string, string>; retention_due_at: Date | null }[] = await em.query(
          `SELECT id, category_id, collected_at, anchors, retention_due_at FROM personal_data_records
            WHERE tenant_id = $1 AND register_key = $2 AND erased_at IS NULL AND id > $3 ORDER BY id LIMIT $4`,
          [tenantId, registerKey, after, BATCH],
        );
        if (!rows.length) return 0;
        after = rows[rows.length - 1].id;
        const changes: DueDateChange[] = [];
        for (const r of rows) {
          let due: Date | null;
          try {
            due = retentionDueFor(reg, r.category_id, new Date(r.collected_at), r.anchors ?? {}, rules);
          } catch (e) {
            this.logger.warn(`record ${r.id}: the retention rule could not be applied (${(e as Error).message}); due date left as it was`);
            continue;
          }
          const old = r.retention_due_at ? new Date(r.retention_due_at) : null;
          if ((old?.getTime() ?? null) === (due?.getTime() ?? null)) continue;
          changes.push({ id: r.id, old, due });
        }
        changed += (await this.records.setDueDates(em, tenantId, changes)).length;
        return rows.length;
      });
      checked += n;
      if (n < BATCH) break;
    }
    await this.db.forTenant(tenantId, (em) =>
      em.query(
        `INSERT INTO retention_register_states (tenant_id, register_key, rules_hash, recomputed_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (tenant_id, register_key) DO UPDATE SET rules_hash = EXCLUDED.rules_hash, recomputed_at = EXCLUDED.recomputed_at`,
        [tenantId, registerKey, hash],
      ),
    );
    if (changed) this.logger.log(`tenant ${tenantId}, register ${registerKey}: ${changed} of ${checked} due dates recomputed`);
    return { registerKey, checked, changed, rulesHash: hash };
  }
}
