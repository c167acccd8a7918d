import { AfterCommit, TenantDb } from '@regula/platform';
import { AuditService } from '@regula/audit';
import { csvRows } from '@regula/exports';
import { RegisterImports } from '@regula/registers';
import { HistoricRequests, parseRequestHistory } from '@regula/requests';
import type { TenantEntity } from '@regula/tenancy';
import type { DataSource } from 'typeorm';
import { demoHistoryCsv, demoHistorySha256 } from './demo-history';

export interface DemoHistoryResult {
  slug: string;
  /** Requests written (0 when the tenant already had imported requests). */
  imported: number;
}

/**
 * A year of closed requests of the past for a demo tenant, written through
 * the history import (the requests list's CSV read by `parseRequestHistory`,
 * written by `HistoricRequests` in one insert with one audit entry). Skipped
 * for a tenant that already has imported requests, so a second run changes nothing.
 */
export class DemoHistoryService {
  private readonly history: HistoricRequests;

  constructor(private readonly db: TenantDb, ds: DataSource) {
    const audit = new AuditService();
    this.history = new HistoricRequests(db, audit, new RegisterImports(db, audit, new AfterCommit(ds)));
  }

  async load(tenant: TenantEntity, now: Date): Promise<DemoHistoryResult> {
    const [{ n }] = await this.db.forTenant(tenant.id, (em) => em.query(`SELECT count(*)::int AS n FROM rights_requests WHERE tenant_id = $1 AND imported_sha256 IS NOT NULL`, [tenant.id]));
    if (n) return { slug: tenant.slug, imported: 0 };
    const facts = await this.history.facts(tenant.id);
    const csv = demoHistoryCsv(facts, now);
    const parsed = parseRequestHistory(csvRows(csv), facts.timeZone, now, (_lang, key) => key);
    if (parsed.problems.length) throw new Error(`${tenant.slug}: the demo history does not read back: ${JSON.stringify(parsed.problems.slice(0, 5))}`);
    const requests = parsed.requests.map(({ row: _row, ...r }) => r);
    const imported = await this.history.insert(tenant.id, { sha256: demoHistorySha256(csv), fileName: `${tenant.slug}-demo-history.csv`, requests, held: false }, { userId: null, label: 'cli: demo history' }, now);
    return { slug: tenant.slug, imported };
  }
}
