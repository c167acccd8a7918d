import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access packages built in the worker (issue 16 §5): one `access_package_builds`
 * row per confirmed access preview (its state and progress, so a restarted worker
 * redoes it and the dashboard shows how far it got), the files' bodies written as
 * they are built in `request_artifact_chunks` (bytea pieces, in order), and
 * `request_artifacts.build_id` naming the build whose chunks hold a file's body.
 * The chunks are personal data: forced row-level security like the artifacts.
 */
export class AccessPackageBuilds1764600050001 implements MigrationInterface {
  name = 'AccessPackageBuilds1764600050001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE access_package_builds (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      preview_id uuid NOT NULL REFERENCES request_fulfilment_plans(id),
      status text NOT NULL DEFAULT 'building' CHECK (status IN ('building', 'done', 'failed')),
      actor jsonb NOT NULL,
      records_total int NOT NULL DEFAULT 0,
      records_written int NOT NULL DEFAULT 0,
      attempts int NOT NULL DEFAULT 0,
      error text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      finished_at timestamptz,
      UNIQUE (preview_id))`);
    // At most one build under way per request: a second confirmation finds it.
    await q.query(`CREATE UNIQUE INDEX access_package_builds_open ON access_package_builds (tenant_id, request_id) WHERE status = 'building'`);
    await q.query(`CREATE TABLE request_artifact_chunks (
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      build_id uuid NOT NULL REFERENCES access_package_builds(id),
      kind text NOT NULL,
      seq int NOT NULL,
      data bytea NOT NULL,
      PRIMARY KEY (build_id, kind, seq))`);
    await q.query(`CREATE INDEX request_artifact_chunks_request ON request_artifact_chunks (tenant_id, request_id)`);
    await q.query(`ALTER TABLE request_artifacts ADD COLUMN build_id uuid REFERENCES access_package_builds(id)`);
    for (const table of ['access_package_builds', 'request_artifact_chunks']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE ON access_package_builds TO regula_app`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON request_artifact_chunks TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE request_artifacts DROP COLUMN IF EXISTS build_id`);
    await q.query(`DROP TABLE IF EXISTS request_artifact_chunks`);
    await q.query(`DROP TABLE IF EXISTS access_package_builds`);
  }
}
