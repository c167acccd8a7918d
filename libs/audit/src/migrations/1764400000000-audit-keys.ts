import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keyed audit chain: `audit_log.key_id` names the key whose HMAC an
 * entry's hash is (null: an entry from before, hashed with plain SHA-256 and
 * sealed by one keyed checkpoint), and `audit_checkpoints` holds the signed
 * checkpoints verification resumes from. Both append-only, tenant-isolated.
 */
export class AuditKeys1764400000000 implements MigrationInterface {
  name = 'AuditKeys1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN key_id text`);
    // Verification and the page read a chain by (tenant, seq); the unique index is on an expression those queries do not use.
    await q.query(`CREATE INDEX audit_log_tenant_seq ON audit_log (tenant_id, seq)`);
    await q.query(`CREATE TABLE audit_checkpoints (
      id bigserial PRIMARY KEY,
      tenant_id uuid REFERENCES tenants(id),
      kind text NOT NULL CHECK (kind IN ('seal', 'head')),
      seq bigint NOT NULL CHECK (seq > 0),
      hash char(64) NOT NULL,
      at timestamptz NOT NULL,
      key_id text NOT NULL,
      mac char(64) NOT NULL)`);
    await q.query(`CREATE INDEX audit_checkpoints_chain ON audit_checkpoints
      (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, seq)`);
    await q.query(`CREATE FUNCTION regula_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    await q.query(`CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints
      FOR EACH ROW EXECUTE FUNCTION regula_append_only()`);
    await q.query(`ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_checkpoints FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON audit_checkpoints
      USING (tenant_id = regula_current_tenant() OR (tenant_id IS NULL AND regula_platform_scope()))
      WITH CHECK (tenant_id = regula_current_tenant() OR (tenant_id IS NULL AND regula_platform_scope()))`);
    await q.query(`GRANT SELECT, INSERT ON audit_checkpoints TO regula_app`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_checkpoints_id_seq TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_checkpoints`);
    await q.query(`DROP FUNCTION IF EXISTS regula_append_only()`);
    await q.query(`DROP INDEX IF EXISTS audit_log_tenant_seq`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN IF EXISTS key_id`);
  }
}
