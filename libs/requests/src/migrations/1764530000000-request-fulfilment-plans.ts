import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A fulfilment's preview and result (issue 14 §3): the plan the admin saw and
 * what the act did, kept with the request. Staff-only, personal data by
 * reference (record ids, masked values): under forced row-level security.
 */
export class RequestFulfilmentPlans1764530000000 implements MigrationInterface {
  name = 'RequestFulfilmentPlans1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE request_fulfilment_plans (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      type text NOT NULL,
      input jsonb NOT NULL DEFAULT '{}',
      preview jsonb,
      previewed_at timestamptz,
      previewed_by text,
      result jsonb,
      confirmed_at timestamptz,
      confirmed_by text,
      difference jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (preview IS NOT NULL OR result IS NOT NULL))`);
    await q.query(`CREATE INDEX request_fulfilment_plans_request ON request_fulfilment_plans (tenant_id, request_id, created_at)`);
    await q.query(`ALTER TABLE request_fulfilment_plans ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE request_fulfilment_plans FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON request_fulfilment_plans
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON request_fulfilment_plans TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS request_fulfilment_plans CASCADE`);
  }
}
