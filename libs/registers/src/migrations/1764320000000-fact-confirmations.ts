import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `fact_confirmations`: a compliance admin's confirmation of an assumed or
 * unknown fact of the controller definition (kept or replaced, who, when, a
 * note). Insert-only for the application; tenant-isolated by row-level security.
 */
export class FactConfirmations1764320000000 implements MigrationInterface {
  name = 'FactConfirmations1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fact_confirmations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      path text NOT NULL CHECK (length(path) BETWEEN 1 AND 500),
      value_hash char(64) NOT NULL,
      previous_class text NOT NULL CHECK (previous_class IN ('assumed', 'unknown')),
      replacement jsonb,
      note text NOT NULL CHECK (length(note) BETWEEN 3 AND 2000),
      for_demo boolean NOT NULL DEFAULT false,
      confirmed_by text NOT NULL,
      confirmed_by_user_id uuid REFERENCES users(id),
      confirmed_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX fact_confirmations_tenant ON fact_confirmations (tenant_id, path, confirmed_at)`);
    await q.query(`ALTER TABLE fact_confirmations ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE fact_confirmations FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON fact_confirmations
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT ON fact_confirmations TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS fact_confirmations`);
  }
}
