import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `audit_pending`: audit entries written by a one-trip unit of work (a web
 * filing) with its change, waiting for the next append to their tenant's
 * chain, which takes them in first under the chain's lock (libs/audit
 * audit.service.ts). Tenant-isolated like every tenant table; the API may
 * insert them and take them (DELETE ... RETURNING), never change them.
 */
export class AuditPending1764600073002 implements MigrationInterface {
  name = 'AuditPending1764600073002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_pending (
      id bigserial PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      actor_id uuid,
      actor text NOT NULL,
      action text NOT NULL,
      target_type text,
      target_id text,
      details jsonb NOT NULL DEFAULT '{}',
      ip text)`);
    await q.query(`CREATE INDEX audit_pending_tenant ON audit_pending (tenant_id, id)`);
    await q.query(`ALTER TABLE audit_pending ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_pending FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON audit_pending
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON audit_pending TO regula_app`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_pending_id_seq TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_pending`);
  }
}
