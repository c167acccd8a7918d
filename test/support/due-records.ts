/** Anything that runs SQL with parameters: a TypeORM DataSource, a pg Client. */
interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * `count` records of the tenant's `website` register, `login-information`
 * category, collected two years ago and due for retention a year ago, spread
 * over 500 new data subjects and one new source system (`key`, so its webhooks
 * can be told apart); external ids `<key>-1` … `<key>-<count>`. For the
 * retention sweep's crash and cluster tests.
 */
export async function insertDueRecords(db: Sql, tenantId: string, key: string, count: number): Promise<void> {
  const [{ id: systemId }] = (await db.query(
    `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_secret) VALUES ($1, $2, $3, repeat('0', 64), 'secret') RETURNING id`,
    [tenantId, key, `k-${key}`],
  )) as { id: string }[];
  const subjects = (await db.query(`INSERT INTO data_subjects (tenant_id) SELECT $1 FROM generate_series(1, 500) RETURNING id`, [tenantId])) as { id: string }[];
  await db.query(
    `INSERT INTO personal_data_records (tenant_id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, retention_due_at)
     SELECT $1, ($2::uuid[])[1 + (g % 500)], $3, $5 || '-' || g, 'website', 'login-information', jsonb_build_object('ip', '10.0.' || (g % 250) || '.1'),
            now() - interval '2 years', now() - interval '1 year'
       FROM generate_series(1, $4) g`,
    [tenantId, subjects.map((s) => s.id), systemId, count, key],
  );
}
