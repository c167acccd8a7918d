import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mails of the platform itself (to its platform admins: a queue paused for
 * over an hour), kept in the outbox with no tenant. Row-level security lets
 * them be read and written only in the platform scope, like the platform's
 * audit chain; a tenant's transaction still sees only its own e-mails.
 */
export class PlatformEmails1764410000000 implements MigrationInterface {
  name = 'PlatformEmails1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_emails ALTER COLUMN tenant_id DROP NOT NULL`);
    await q.query(`DROP POLICY tenant_isolation ON outbox_emails`);
    await q.query(`CREATE POLICY tenant_isolation ON outbox_emails
      USING (tenant_id = regula_current_tenant() OR (tenant_id IS NULL AND regula_platform_scope()))
      WITH CHECK (tenant_id = regula_current_tenant() OR (tenant_id IS NULL AND regula_platform_scope()))`);
    await q.query(`CREATE INDEX outbox_emails_platform ON outbox_emails (created_at) WHERE tenant_id IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbox_emails_platform`);
    await q.query(`DELETE FROM outbox_emails WHERE tenant_id IS NULL`);
    await q.query(`DROP POLICY tenant_isolation ON outbox_emails`);
    await q.query(`CREATE POLICY tenant_isolation ON outbox_emails
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`ALTER TABLE outbox_emails ALTER COLUMN tenant_id SET NOT NULL`);
  }
}
