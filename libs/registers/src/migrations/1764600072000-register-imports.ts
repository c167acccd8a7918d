import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `register_imports`: a spreadsheet of registers held between its preview and
 * the admin's confirmation (keyed by tenant and the file's SHA-256), so the
 * confirmation applies the file that was previewed; `applied_at` once applied.
 * A held file expires after a day (deleted when the tenant's next file is held).
 * Tenant-isolated by row-level security.
 */
export class RegisterImports1764600072000 implements MigrationInterface {
  name = 'RegisterImports1764600072000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE register_imports (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      sha256 char(64) NOT NULL,
      file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
      body bytea NOT NULL,
      uploaded_by text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      applied_at timestamptz,
      UNIQUE (tenant_id, sha256))`);
    await q.query(`ALTER TABLE register_imports ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE register_imports FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON register_imports
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON register_imports TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS register_imports`);
  }
}
