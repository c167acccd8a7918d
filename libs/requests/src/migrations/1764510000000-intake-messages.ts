import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages the SMTP intake accepted (libs/requests/src/mail-intake): the raw bytes
 * are committed here before Regula answers `250`, so nothing accepted is lost even
 * when filing its request fails (`request_id` stays null until the sweep files it).
 * `accepted_at` is the receipt of the request it becomes; `proposed_*` is what Regula
 * read in the message for an admin to confirm (`confirmed_*`).
 */
export class IntakeMessages1764510000000 implements MigrationInterface {
  name = 'IntakeMessages1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake_messages (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      accepted_at timestamptz NOT NULL,
      envelope_from text NOT NULL,
      envelope_to text NOT NULL,
      size_bytes int NOT NULL CHECK (size_bytes >= 0),
      sha256 char(64) NOT NULL,
      raw bytea NOT NULL,
      request_id uuid REFERENCES rights_requests(id),
      filing_attempts int NOT NULL DEFAULT 0,
      filing_error text,
      forwarded boolean NOT NULL DEFAULT false,
      proposed_type text,
      proposed_received_at timestamptz CHECK (proposed_received_at IS NULL OR proposed_received_at <= accepted_at),
      proposed_received_source text CHECK (proposed_received_source IS NULL OR proposed_received_source IN ('received-header', 'date-header')),
      confirmed_at timestamptz,
      confirmed_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX intake_messages_unfiled ON intake_messages (tenant_id, accepted_at) WHERE request_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX intake_messages_request ON intake_messages (request_id) WHERE request_id IS NOT NULL`);
    await q.query(`ALTER TABLE intake_messages ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE intake_messages FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON intake_messages USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON intake_messages TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS intake_messages`);
  }
}
