/** Anything that runs SQL with parameters: a TypeORM DataSource, a pg Client. */
interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** One register's share of a subject's records: they go round its categories in turn. */
export interface BulkShare {
  register: string;
  categories: string[];
  records: number;
}

/**
 * Records of one subject in one INSERT ... SELECT generate_series per register,
 * for the access package's test and benchmark: each record's value is an
 * object with a text of `valueChars` characters, collected a minute apart.
 */
export async function insertSubjectRecords(
  db: Sql, o: { tenantId: string; subjectId: string; systemId: string; shares: BulkShare[]; valueChars?: number },
): Promise<void> {
  for (const share of o.shares) {
    await db.query(
      `INSERT INTO personal_data_records (tenant_id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, anchors)
       SELECT $1, $2::uuid, $3, $2::uuid::text || '-' || $4 || '-' || g, $4, ($5::text[])[1 + (g % cardinality($5::text[]))],
              jsonb_build_object('n', g, 'note', left(repeat('Entry ' || g || ' of the subject''s history. ', 1 + $7 / 30), $7)),
              timestamptz '2024-01-01T00:00:00Z' + g * interval '1 minute', '{}'::jsonb
         FROM generate_series(1, $6) g`,
      [o.tenantId, o.subjectId, o.systemId, share.register, share.categories, share.records, o.valueChars ?? 40],
    );
  }
}
