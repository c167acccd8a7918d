import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mails of the platform itself (to the platform admins, e.g. the audit
 * chains' daily signed heads): `outbox_emails.tenant_id` null, visible only in
 * the platform scope, like the platform's audit chain.
 */
export class PlatformMail1764400000100 implements MigrationInterface {
  name = 'PlatformMail1764400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_emails ALTER COLUMN tenant_id DROP NOT NULL`);
    await q.query(`ALTER POLICY tenant_isolation ON outbox_emails
      USING (tenant_id = regula_current_tenant() OR (tenant_id IS NULL AND regula_platform_scope()))
      WITH CHECK (tenant_id = regula_current_tenant() OR (tenant_id IS NULL AND regula_platform_scope()))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox_emails WHERE tenant_id IS NULL`);
    await q.query(`ALTER POLICY tenant_isolation ON outbox_emails
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`ALTER TABLE outbox_emails ALTER COLUMN tenant_id SET NOT NULL`);
  }
}
