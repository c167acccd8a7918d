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

/**
 * What a completed retention run of `count` due records must have left, however many
 * workers took part or were killed: no record of the source system `key` (ids `<key>-…`),
 * one keyed hash each, counts adding up to `count`, webhooks naming each record once,
 * one per batch, and one completion audit entry naming the count.
 */
export async function expectErasedOnce(db: Sql, tenantId: string, runId: string, key: string, count: number): Promise<void> {
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> => (await db.query(sql, params)) as T[];
  const [run] = await rows<{ records_erased: number; batches: number }>(`SELECT records_erased, batches FROM retention_runs WHERE id = $1`, [runId]);
  expect(run.records_erased).toBe(count);
  const [{ left, keys }] = await rows<{ left: number; keys: number }>(
    `SELECT (SELECT count(*)::int FROM personal_data_records WHERE tenant_id = $1 AND external_id LIKE $2) AS left,
            (SELECT count(*)::int FROM erased_record_keys WHERE tenant_id = $1) AS keys`,
    [tenantId, `${key}-%`],
  );
  expect({ left, keys }).toEqual({ left: 0, keys: count });
  const [{ sum }] = await rows<{ sum: number }>(`SELECT sum(erased)::int AS sum FROM retention_run_counts WHERE run_id = $1`, [runId]);
  expect(sum).toBe(count);
  const hooks = await rows<{ payload: { records: { externalId: string }[] } }>(
    `SELECT payload FROM webhook_deliveries WHERE tenant_id = $1 AND event = 'record.erased' AND payload->>'retentionRunId' = $2`,
    [tenantId, runId],
  );
  const named = hooks.flatMap((h) => h.payload.records.map((r) => r.externalId));
  expect(named).toHaveLength(count);
  expect(new Set(named).size).toBe(count);
  expect(hooks).toHaveLength(run.batches);
  const audit = await rows<{ details: object }>(`SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'retention.run.completed' AND target_id = $2`, [tenantId, runId]);
  expect(audit).toHaveLength(1);
  expect(audit[0].details).toMatchObject({ erased: count, batches: run.batches });
}
