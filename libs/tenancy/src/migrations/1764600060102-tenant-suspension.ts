import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A controller's suspension (issue 17 §1): when and why a platform admin
 * suspended it. The API, which may otherwise only read `tenants`, may set
 * these two columns in the platform scope (the platform admin's act).
 */
export class TenantSuspension1764600060102 implements MigrationInterface {
  name = 'TenantSuspension1764600060102';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenants ADD COLUMN suspended_at timestamptz, ADD COLUMN suspension_reason text,
      ADD CONSTRAINT tenants_suspension_reason CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL))`);
    await q.query(`GRANT UPDATE (suspended_at, suspension_reason) ON tenants TO regula_app`);
    await q.query(`CREATE POLICY platform_suspends ON tenants FOR UPDATE USING (regula_platform_scope()) WITH CHECK (regula_platform_scope())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY IF EXISTS platform_suspends ON tenants`);
    await q.query(`REVOKE UPDATE (suspended_at, suspension_reason) ON tenants FROM regula_app`);
    await q.query(`ALTER TABLE tenants DROP CONSTRAINT IF EXISTS tenants_suspension_reason, DROP COLUMN IF EXISTS suspended_at, DROP COLUMN IF EXISTS suspension_reason`);
  }
}
