import type { EntityManager } from 'typeorm';
import type { HeldCategory } from './access-package.builder';
import type { RecordView } from './subject-data';

/** Where a batch of a register's records ended: the next batch starts after it (keyset pagination; `at` as Postgres wrote it, to the microsecond). */
export interface RecordCursor {
  categoryId: string;
  at: string;
  id: string;
}

interface RecordRow {
  id: string; subject_id: string; source_system_id: string; external_id: string; register_key: string; category_id: string; value: unknown;
  collected_at: Date; cursor_at: string; anchors: RecordView['anchors']; retention_due_at: Date | null; restricted_at: Date | null;
  restriction_reason: string | null; legal_hold: boolean;
}

/**
 * The next `limit` records of one register of a subject, not erased, in the
 * package's order (category, collection time, id), after `after`. One indexed
 * range read per batch whatever the page: the cost of a package is linear in
 * its records.
 */
export async function recordBatch(
  em: EntityManager, tenantId: string, subjectId: string, registerKey: string, after: RecordCursor | null, limit: number,
): Promise<(RecordView & { cursor: RecordCursor })[]> {
  const rows: RecordRow[] = await em.query(
    `SELECT id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, collected_at::text AS cursor_at,
            anchors, retention_due_at, restricted_at, restriction_reason, legal_hold
       FROM personal_data_records
      WHERE tenant_id = $1 AND subject_id = $2 AND register_key = $3 AND erased_at IS NULL
        AND ($4::text IS NULL OR (category_id, collected_at, id) > ($4::text, $5::timestamptz, $6::uuid))
      ORDER BY category_id, collected_at, id
      LIMIT $7`,
    [tenantId, subjectId, registerKey, after?.categoryId ?? null, after?.at ?? null, after?.id ?? null, limit],
  );
  return rows.map((r) => ({
    id: r.id, subjectId: r.subject_id, sourceSystemId: r.source_system_id, externalId: r.external_id, registerKey: r.register_key, categoryId: r.category_id,
    value: r.value, collectedAt: r.collected_at, anchors: r.anchors, retentionDueAt: r.retention_due_at, restrictedAt: r.restricted_at,
    restrictionReason: r.restriction_reason, legalHold: r.legal_hold, erasedAt: null,
    cursor: { categoryId: r.category_id, at: r.cursor_at, id: r.id },
  }));
}

/** How many records (not erased) the subject has per register and category: the package's frame and the build's total. */
export async function heldCategories(em: EntityManager, tenantId: string, subjectId: string): Promise<HeldCategory[]> {
  const rows: { register_key: string; category_id: string; n: string }[] = await em.query(
    `SELECT register_key, category_id, count(*) AS n FROM personal_data_records
      WHERE tenant_id = $1 AND subject_id = $2 AND erased_at IS NULL GROUP BY register_key, category_id ORDER BY register_key, category_id`,
    [tenantId, subjectId],
  );
  return rows.map((r) => ({ registerKey: r.register_key, categoryId: r.category_id, records: Number(r.n) }));
}

/** The ids of the records a preview names (only the ids: the build compares what it hands over with them). */
export async function previewRecordIds(em: EntityManager, tenantId: string, previewId: string): Promise<Set<string>> {
  const rows: { id: string }[] = await em.query(
    `SELECT r->>'recordId' AS id FROM request_fulfilment_plans p, jsonb_array_elements(p.preview->'records') r WHERE p.tenant_id = $1 AND p.id = $2`,
    [tenantId, previewId],
  );
  return new Set(rows.map((r) => r.id));
}
