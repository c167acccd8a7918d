import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['retention_runs', 'retention_run_counts', 'retention_register_states'];

/**
 * Retention sweeps: one row per run (status, totals), its counts per register
 * and data category (added batch by batch in the batch's transaction), and the
 * retention rules each register's stored due dates were computed from (a
 * changed rule makes the next sweep recompute them first). RLS like every
 * tenant table; at most one running run per tenant.
 */
export class RetentionRuns1763960000010 implements MigrationInterface {
  name = 'RetentionRuns1763960000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE retention_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
      requested_by text NOT NULL,
      dedupe_key text,
      status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'completed', 'failed')),
      cutoff timestamptz NOT NULL,
      batch_size int NOT NULL DEFAULT 1000 CHECK (batch_size BETWEEN 1 AND 10000),
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      batches int NOT NULL DEFAULT 0,
      records_erased int NOT NULL DEFAULT 0,
      records_anonymised int NOT NULL DEFAULT 0,
      records_skipped_protected int NOT NULL DEFAULT 0,
      error text,
      UNIQUE (tenant_id, dedupe_key))`);
    await q.query(`CREATE UNIQUE INDEX retention_runs_one_running ON retention_runs (tenant_id) WHERE status = 'running'`);
    await q.query(`CREATE INDEX retention_runs_tenant_time ON retention_runs (tenant_id, started_at DESC)`);

    await q.query(`CREATE TABLE retention_run_counts (
      run_id uuid NOT NULL REFERENCES retention_runs(id) ON DELETE CASCADE,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      register_key text NOT NULL,
      category_id text NOT NULL,
      erased int NOT NULL DEFAULT 0,
      anonymised int NOT NULL DEFAULT 0,
      skipped_legal_hold int NOT NULL DEFAULT 0,
      skipped_open_request int NOT NULL DEFAULT 0,
      skipped_restriction int NOT NULL DEFAULT 0,
      PRIMARY KEY (run_id, register_key, category_id))`);

    await q.query(`CREATE TABLE retention_register_states (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      register_key text NOT NULL,
      rules_hash char(64) NOT NULL,
      recomputed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, register_key))`);

    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO regula_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
  }
}
