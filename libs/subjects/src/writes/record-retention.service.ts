import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { returned } from '@regula/platform';

/** A record's due date as it was read (`old`) and as it must become (`due`). */
export interface DueDateChange {
  id: string;
  old: Date | null;
  due: Date | null;
}

/** What keeps a record and until when: the legal hold and the retention due date. */
@Injectable()
export class RecordRetention {
  /** Places or lifts the legal hold of one record. */
  async setLegalHold(em: EntityManager, tenantId: string, recordId: string, hold: boolean): Promise<void> {
    await em.query(`UPDATE personal_data_records SET legal_hold = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [tenantId, recordId, hold]);
  }

  /**
   * Stores new due dates of records not erased, each only if its due date is
   * still the one read (a concurrent change wins). Returns the ids changed.
   */
  async setDueDates(em: EntityManager, tenantId: string, changes: DueDateChange[]): Promise<string[]> {
    if (!changes.length) return [];
    const rows = returned<{ id: string }>(await em.query(
      `UPDATE personal_data_records r SET retention_due_at = x.due, updated_at = now()
         FROM unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[]) AS x(id, old, due)
        WHERE r.tenant_id = $1 AND r.id = x.id AND r.erased_at IS NULL AND r.retention_due_at IS NOT DISTINCT FROM x.old
        RETURNING r.id`,
      [tenantId, changes.map((c) => c.id), changes.map((c) => c.old?.toISOString() ?? null), changes.map((c) => c.due?.toISOString() ?? null)],
    ));
    return rows.map((r) => r.id);
  }
}
