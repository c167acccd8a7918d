import { Injectable } from '@nestjs/common';
import { readPage, SqlFilter, TenantDb } from '@regula/platform';

export interface LegalHoldItem {
  recordId: string;
  subjectId: string;
  registerKey: string;
  categoryId: string;
  collectedAt: Date;
  retentionDueAt: Date | null;
  erasedAt: Date | null;
  /** When and why the hold was placed (the latest `record.legal-hold.placed` audit entry). */
  placedAt: Date | null;
  placedBy: string | null;
  reason: string | null;
}

/** The records a legal hold keeps from erasure, with the reason recorded when it was placed. */
@Injectable()
export class LegalHoldsQueryService {
  constructor(private readonly db: TenantDb) {}

  list(tenantId: string, limit = 200): Promise<{ items: LegalHoldItem[]; total: number }> {
    const filter = new SqlFilter([tenantId], 'r.tenant_id = $1', 'r.legal_hold');
    return this.db.forTenant(tenantId, async (em) => {
      const { items, total } = await readPage(
        em,
        filter,
        { page: 1, pageSize: limit },
        {
          count: `SELECT count(*)::int AS total FROM personal_data_records r WHERE ${filter.sql}`,
          rows: `SELECT r.id, r.subject_id, r.register_key, r.category_id, r.collected_at, r.retention_due_at, r.erased_at, a.at, a.actor, a.details->>'reason' AS reason
           FROM personal_data_records r
           LEFT JOIN LATERAL (
             SELECT l.at, l.actor, l.details FROM audit_log l
              WHERE l.tenant_id = r.tenant_id AND l.target_type = 'record' AND l.target_id = r.id::text AND l.action = 'record.legal-hold.placed'
              ORDER BY l.seq DESC LIMIT 1
           ) a ON true
          WHERE ${filter.sql}
          ORDER BY a.at DESC NULLS LAST, r.id`,
        },
        (r) => ({
          recordId: r.id as string,
          subjectId: r.subject_id as string,
          registerKey: r.register_key as string,
          categoryId: r.category_id as string,
          collectedAt: r.collected_at as Date,
          retentionDueAt: (r.retention_due_at as Date | null) ?? null,
          erasedAt: (r.erased_at as Date | null) ?? null,
          placedAt: (r.at as Date | null) ?? null,
          placedBy: (r.actor as string | null) ?? null,
          reason: (r.reason as string | null) ?? null,
        }),
      );
      return { items, total };
    });
  }
}
