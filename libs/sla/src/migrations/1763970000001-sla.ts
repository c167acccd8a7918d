import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rights-request SLA and delayed consent effects:
 * - `sla_notices`: one row per reminder, overdue escalation or extension
 *   alarm sent for a request and a due instant (unique: nothing is sent twice);
 * - `rights_requests.overdue_at`: when a request was found past its due date unfinished;
 * - `consents.effect_applied_at`: when a withdrawal's effect was applied to
 *   the records tied to the consent (null: not yet; the sweep looks for these).
 * It lives in libs/sla, which owns `sla_notices`; the two columns belong to the
 * tables of libs/requests and libs/subjects.
 */
export class Sla1763970000001 implements MigrationInterface {
  name = 'Sla1763970000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sla_notices (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9-]*$'),
      due_at timestamptz NOT NULL,
      recipients int NOT NULL DEFAULT 0,
      sent_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (request_id, kind, due_at))`);
    await q.query(`CREATE INDEX sla_notices_tenant ON sla_notices (tenant_id, request_id)`);
    await q.query(`ALTER TABLE sla_notices ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE sla_notices FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON sla_notices
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT ON sla_notices TO regula_app`);
    await q.query(`ALTER TABLE rights_requests ADD COLUMN overdue_at timestamptz`);
    await q.query(`ALTER TABLE consents ADD COLUMN effect_applied_at timestamptz`);
    await q.query(`CREATE INDEX consents_effect_pending ON consents (tenant_id, withdrawal_effective_at)
      WHERE withdrawn_at IS NOT NULL AND effect_applied_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS consents_effect_pending`);
    await q.query(`ALTER TABLE consents DROP COLUMN IF EXISTS effect_applied_at`);
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS overdue_at`);
    await q.query(`DROP TABLE IF EXISTS sla_notices CASCADE`);
  }
}
