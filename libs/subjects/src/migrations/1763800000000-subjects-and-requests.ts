import { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = [
  'source_systems', 'data_subjects', 'subject_identifiers', 'personal_data_records', 'consents',
  'processing_objections', 'disclosures', 'webhook_deliveries', 'rights_requests', 'request_events',
  'request_suspensions', 'identity_evidence', 'outbox_emails',
];

/**
 * The personal data Regula holds for each tenant (pushed by the tenant's
 * systems), the rights requests data subjects file, and the e-mail and webhook
 * outboxes. Row-level security on every table, like the initial schema.
 *
 * It lives in libs/subjects, the lowest lib whose tables it creates (the
 * personal-data store's records reference `source_systems`, so both are made
 * together); the source-system and webhook tables belong to libs/ingest, the
 * request tables to libs/requests, `outbox_emails` to libs/mail. Name and
 * timestamp are unchanged, so existing databases see it as run.
 */
export class SubjectsAndRequests1763800000000 implements MigrationInterface {
  name = 'SubjectsAndRequests1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE source_systems (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]*$'),
      key_id text NOT NULL UNIQUE,
      key_hash char(64) NOT NULL,
      webhook_url text,
      webhook_secret text NOT NULL,
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, name))`);

    await q.query(`CREATE TABLE data_subjects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      display_name text,
      locale text,
      erased_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE subject_identifiers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      subject_id uuid NOT NULL REFERENCES data_subjects(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('email', 'phone', 'customer-number', 'username')),
      value text NOT NULL,
      UNIQUE (tenant_id, kind, value))`);
    await q.query(`CREATE INDEX subject_identifiers_subject ON subject_identifiers (subject_id)`);

    await q.query(`CREATE TABLE personal_data_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      subject_id uuid NOT NULL REFERENCES data_subjects(id),
      source_system_id uuid NOT NULL REFERENCES source_systems(id),
      external_id text NOT NULL,
      register_key text NOT NULL,
      category_id text NOT NULL,
      value jsonb,
      collected_at timestamptz NOT NULL,
      anchors jsonb NOT NULL DEFAULT '{}',
      retention_due_at timestamptz,
      restricted_at timestamptz,
      restriction_reason text,
      legal_hold boolean NOT NULL DEFAULT false,
      erased_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, source_system_id, external_id))`);
    await q.query(`CREATE INDEX personal_data_records_subject ON personal_data_records (tenant_id, subject_id)`);
    // Retention sweeps read only what is due (issue: workers).
    await q.query(`CREATE INDEX personal_data_records_due ON personal_data_records (tenant_id, retention_due_at)
      WHERE erased_at IS NULL AND retention_due_at IS NOT NULL`);

    await q.query(`CREATE TABLE consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      subject_id uuid NOT NULL REFERENCES data_subjects(id),
      source_system_id uuid REFERENCES source_systems(id),
      external_id text,
      register_key text NOT NULL,
      purpose_id text NOT NULL,
      given_at timestamptz NOT NULL,
      channel text NOT NULL,
      policy_version text,
      withdrawn_at timestamptz,
      withdrawal_effective_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX consents_external ON consents (tenant_id, source_system_id, external_id) WHERE external_id IS NOT NULL`);
    await q.query(`CREATE INDEX consents_subject ON consents (tenant_id, subject_id)`);

    await q.query(`CREATE TABLE processing_objections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      subject_id uuid NOT NULL REFERENCES data_subjects(id),
      kind text NOT NULL CHECK (kind IN ('objection', 'direct-marketing', 'automated-decisions', 'restriction')),
      register_key text,
      purpose_id text,
      request_id uuid,
      effective_at timestamptz NOT NULL,
      lifted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX processing_objections_subject ON processing_objections (tenant_id, subject_id)`);

    await q.query(`CREATE TABLE disclosures (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      subject_id uuid NOT NULL REFERENCES data_subjects(id),
      register_key text NOT NULL,
      recipient_id text NOT NULL,
      recipient_name text NOT NULL,
      categories text[] NOT NULL,
      disclosed_at timestamptz NOT NULL,
      via text NOT NULL,
      external_id text,
      legal_basis text)`);
    await q.query(`CREATE INDEX disclosures_subject_time ON disclosures (tenant_id, subject_id, disclosed_at)`);
    await q.query(`CREATE UNIQUE INDEX disclosures_external ON disclosures (tenant_id, via, external_id) WHERE external_id IS NOT NULL`);

    await q.query(`CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      source_system_id uuid NOT NULL REFERENCES source_systems(id),
      event text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);

    await q.query(`CREATE TABLE rights_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      reference text NOT NULL,
      type text NOT NULL,
      state text NOT NULL CHECK (state IN ('received', 'awaiting-identity', 'in-progress', 'extended', 'completed', 'refused', 'withdrawn')),
      subject_id uuid REFERENCES data_subjects(id),
      requester_email text NOT NULL,
      requester_name text NOT NULL,
      locale text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}',
      channel text NOT NULL DEFAULT 'web-form',
      received_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      due_date date NOT NULL,
      first_due_at timestamptz NOT NULL,
      identity_method text NOT NULL,
      identity_verified_at timestamptz,
      verification_hash char(64),
      verification_expires_at timestamptz,
      verification_attempts int NOT NULL DEFAULT 0,
      status_token_hash char(64) NOT NULL,
      extended_at timestamptz,
      extension_reason text,
      refusal_reason text,
      refusal_ground text,
      fee_eur numeric(10, 2),
      outcome jsonb,
      closed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, reference))`);
    await q.query(`CREATE INDEX rights_requests_queue ON rights_requests (tenant_id, state, due_at)`);

    await q.query(`CREATE TABLE request_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      at timestamptz NOT NULL DEFAULT now(),
      kind text NOT NULL,
      from_state text,
      to_state text,
      actor text NOT NULL,
      visible_to_subject boolean NOT NULL DEFAULT false,
      note text,
      data jsonb NOT NULL DEFAULT '{}')`);
    await q.query(`CREATE INDEX request_events_request ON request_events (request_id, at)`);

    await q.query(`CREATE TABLE request_suspensions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      from_at timestamptz NOT NULL,
      to_at timestamptz,
      reason text NOT NULL,
      CHECK (to_at IS NULL OR to_at >= from_at))`);
    await q.query(`CREATE UNIQUE INDEX request_suspensions_open ON request_suspensions (request_id) WHERE to_at IS NULL`);

    await q.query(`CREATE TABLE identity_evidence (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      file_name text NOT NULL,
      content_type text NOT NULL,
      size_bytes int NOT NULL CHECK (size_bytes > 0),
      sha256 char(64) NOT NULL,
      storage_key text NOT NULL UNIQUE,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      reviewed_by text,
      reviewed_at timestamptz,
      decision text CHECK (decision IN ('accepted', 'rejected')))`);

    await q.query(`CREATE TABLE outbox_emails (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid REFERENCES rights_requests(id),
      to_address text NOT NULL,
      subject text NOT NULL,
      body_text text NOT NULL,
      body_html text NOT NULL,
      template text NOT NULL,
      locale text NOT NULL,
      status text NOT NULL CHECK (status IN ('outbox', 'pending', 'sent', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX outbox_emails_tenant ON outbox_emails (tenant_id, created_at)`);

    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO regula_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [...TENANT_TABLES].reverse()) await q.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
  }
}
