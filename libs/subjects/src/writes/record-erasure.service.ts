import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { returned } from '@regula/platform';

/** A record a retention batch erased: what the caller needs for its counts and the source systems' webhooks. */
export interface ErasedRecord {
  id: string;
  sourceSystemId: string;
  externalId: string;
  registerKey: string;
  categoryId: string;
}

/**
 * Which due records a batch may take: `where` is a condition on
 * `personal_data_records r` that reads `$1` (the tenant id) and `$2`
 * (`cutoff`) and nothing else. The caller owns what protects a record (a
 * legal hold, an open request, a restriction); this lib owns the statement.
 */
export interface DueBatch {
  where: string;
  cutoff: Date;
  limit: number;
  /** `erased_at` and `updated_at` of the erased rows. */
  at: Date;
}

/** What erasing a record sets (`at`: the placeholder of the erasure time): the one definition requests and retention share. */
const ERASED = (at: string) => `value = NULL, erased_at = ${at}, restricted_at = NULL, restriction_reason = NULL`;

/**
 * Erasure of personal data (GDPR Art. 17, 5(1)(e)): the value is removed and
 * `erased_at` set; the row stays as a tombstone (register, category, dates),
 * which is what stops ingest from storing the record again. A restriction the
 * record carried goes with its value. The caller's transaction (`em`, scoped
 * to `tenantId`) holds every write.
 */
@Injectable()
export class RecordErasure {
  /** Erases these records of the subject; records already erased are left as they are. */
  async eraseRecords(em: EntityManager, tenantId: string, subjectId: string, recordIds: string[], at: Date): Promise<void> {
    if (!recordIds.length) return;
    await em.query(
      `UPDATE personal_data_records SET ${ERASED('$1')}, updated_at = now()
       WHERE tenant_id = $2 AND subject_id = $3 AND id = ANY($4::uuid[]) AND erased_at IS NULL`,
      [at, tenantId, subjectId, recordIds],
    );
  }

  /** The subject row keeps only its id (and `erased_at`): its name and every identifier go. */
  async eraseSubject(em: EntityManager, tenantId: string, subjectId: string, at: Date): Promise<void> {
    await em.query(`UPDATE data_subjects SET display_name = NULL, erased_at = $1, updated_at = now() WHERE tenant_id = $2 AND id = $3`, [at, tenantId, subjectId]);
    await em.query(`DELETE FROM subject_identifiers WHERE tenant_id = $1 AND subject_id = $2`, [tenantId, subjectId]);
  }

  /**
   * One retention batch, in ONE statement: takes at most `limit` due records
   * matching `where`, earliest due first, with `FOR UPDATE SKIP LOCKED`
   * (concurrent batches never take the same rows) and erases them. Returns
   * the rows it erased (none when nothing is left for this batch).
   */
  async eraseDueBatch(em: EntityManager, tenantId: string, batch: DueBatch): Promise<ErasedRecord[]> {
    const rows = returned<{ id: string; source_system_id: string; external_id: string; register_key: string; category_id: string }>(await em.query(
      `WITH picked AS (
         SELECT r.id FROM personal_data_records r WHERE ${batch.where}
          ORDER BY r.retention_due_at LIMIT $3 FOR UPDATE OF r SKIP LOCKED)
       UPDATE personal_data_records r
          SET ${ERASED('$4')}, updated_at = $4
         FROM picked WHERE r.id = picked.id
       RETURNING r.id, r.source_system_id, r.external_id, r.register_key, r.category_id`,
      [tenantId, batch.cutoff, batch.limit, batch.at],
    ));
    return rows.map((r) => ({ id: r.id, sourceSystemId: r.source_system_id, externalId: r.external_id, registerKey: r.register_key, categoryId: r.category_id }));
  }
}
