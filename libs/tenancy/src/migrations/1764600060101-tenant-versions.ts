import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `tenant_versions`: the controller's facts versioned like its registers
 * (issue 17 §1), so that an export as of a past date states that day's
 * controller. Each tenant's present facts become its version 1, valid from
 * the tenant's creation (what was known before this table is what it holds
 * now). Read within the tenant (RLS); written, like `tenants`, by the schema
 * owner.
 */
export class TenantVersions1764600060101 implements MigrationInterface {
  name = 'TenantVersions1764600060101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tenant_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      version int NOT NULL CHECK (version > 0),
      definition jsonb NOT NULL,
      definition_hash char(64) NOT NULL,
      valid_from timestamptz NOT NULL,
      valid_to timestamptz,
      is_current boolean NOT NULL,
      author text NOT NULL,
      change_summary text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, version),
      CHECK (valid_to IS NULL OR valid_to >= valid_from))`);
    await q.query(`CREATE UNIQUE INDEX tenant_versions_one_current ON tenant_versions (tenant_id) WHERE is_current`);
    await q.query(`CREATE INDEX tenant_versions_valid ON tenant_versions (tenant_id, valid_from)`);
    await q.query(`INSERT INTO tenant_versions (tenant_id, version, definition, definition_hash, valid_from, is_current, author, change_summary)
      SELECT id, 1, definition, definition_hash, created_at, true, 'migration', 'the facts held when versions began' FROM tenants`);
    await q.query(`ALTER TABLE tenant_versions ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenant_versions FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON tenant_versions
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT ON tenant_versions TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS tenant_versions`);
  }
}
