import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The breach register (GDPR Art. 33(5): every personal data breach is
 * documented, with its facts, effects and remedial action), under row-level
 * security like every tenant table.
 */
export class Breaches1763980000050 implements MigrationInterface {
  name = 'Breaches1763980000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE breaches (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      reference text NOT NULL CHECK (reference ~ '^BR-[A-Z0-9]{4}-[A-Z0-9]{4}$'),
      title text NOT NULL,
      aware_at timestamptz NOT NULL,
      occurred_at timestamptz,
      deadline_at timestamptz NOT NULL,
      nature text NOT NULL,
      data_categories text[] NOT NULL DEFAULT '{}',
      subject_categories text[] NOT NULL DEFAULT '{}',
      approx_subjects int CHECK (approx_subjects >= 0),
      approx_records int CHECK (approx_records >= 0),
      likely_consequences text,
      measures text,
      dpo_contact text NOT NULL,
      risk text CHECK (risk IN ('no-risk', 'risk', 'high-risk')),
      risk_reasoning text,
      authority_notified_at timestamptz,
      authority_reference text,
      subjects_notified_at timestamptz,
      subjects_notification_method text,
      subjects_exemption text CHECK (subjects_exemption IN ('encrypted', 'risk-removed', 'disproportionate-effort')),
      subjects_exemption_reasoning text,
      delay_reasons text,
      status text NOT NULL CHECK (status IN ('open', 'subjects-pending', 'notified', 'documented', 'closed')),
      closed_at timestamptz,
      reminders_sent text[] NOT NULL DEFAULT '{}',
      deadline_passed_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, reference),
      CHECK (occurred_at IS NULL OR occurred_at <= aware_at),
      CHECK (authority_notified_at IS NULL OR authority_notified_at <= deadline_at OR delay_reasons IS NOT NULL))`);
    await q.query(`CREATE INDEX breaches_tenant_deadline ON breaches (tenant_id, status, deadline_at)`);
    await q.query(`ALTER TABLE breaches ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE breaches FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON breaches
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON breaches TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS breaches CASCADE`);
  }
}
