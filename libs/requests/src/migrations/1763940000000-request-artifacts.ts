import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files that answer rights requests (access packages, portability
 * exports, recipients reports): personal data, so under row-level security
 * like every tenant table, and readable only through the tenant's transaction.
 */
export class RequestArtifacts1763940000000 implements MigrationInterface {
  name = 'RequestArtifacts1763940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE request_artifacts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]*$'),
      content_type text NOT NULL,
      file_name text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9._-]+$'),
      body bytea NOT NULL,
      size_bytes int NOT NULL CHECK (size_bytes >= 0),
      sha256 char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (request_id, kind))`);
    await q.query(`CREATE INDEX request_artifacts_request ON request_artifacts (tenant_id, request_id)`);
    await q.query(`ALTER TABLE request_artifacts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE request_artifacts FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON request_artifacts
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON request_artifacts TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS request_artifacts CASCADE`);
  }
}
