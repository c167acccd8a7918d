import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Privacy-policy versions and what publishing one sets off:
 * - `registers.position`: the register's place in the controller definition,
 *   so a notice rendered from the database lists registers in the tenant's order;
 * - `policy_versions`: a draft (rendered from the registers, previewed) or a
 *   published version (number, effective date, languages, content, SHA-256,
 *   author, change summary, material flag, the definition it was rendered
 *   from). A published row can never change or disappear (trigger), only a
 *   draft may be edited, published once, or deleted;
 * - `policy_announcements`: one row per account holder e-mailed about a
 *   material change (unique: nobody is e-mailed twice for one version);
 * - `consents.renewal_required_at` / `renewal_policy_version`: a consent given
 *   under an older version for a purpose whose text changed (GDPR Art. 7(1),
 *   Art. 4(11): consent must be informed of the purpose as it now reads).
 */
export class PolicyVersions1764100000000 implements MigrationInterface {
  name = 'PolicyVersions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registers ADD COLUMN position int NOT NULL DEFAULT 0`);

    await q.query(`CREATE TABLE policy_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      status text NOT NULL CHECK (status IN ('draft', 'published')),
      number int CHECK (number > 0),
      languages text[] NOT NULL,
      content jsonb NOT NULL,
      content_hash char(64) NOT NULL,
      definition jsonb NOT NULL,
      definition_hash char(64) NOT NULL,
      register_versions jsonb NOT NULL,
      purpose_hashes jsonb NOT NULL,
      problems jsonb NOT NULL DEFAULT '[]',
      effective_date date,
      change_summary text,
      material boolean NOT NULL DEFAULT false,
      author text NOT NULL,
      author_user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      CHECK ((status = 'draft') = (number IS NULL)),
      CHECK (status = 'draft' OR (effective_date IS NOT NULL AND published_at IS NOT NULL AND change_summary IS NOT NULL)),
      UNIQUE (tenant_id, number))`);
    await q.query(`CREATE INDEX policy_versions_tenant ON policy_versions (tenant_id, status, effective_date DESC)`);
    await q.query(`CREATE FUNCTION regula_policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'policy version % of tenant % is published and cannot be changed', OLD.number, OLD.tenant_id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER policy_versions_immutable BEFORE UPDATE OR DELETE ON policy_versions
      FOR EACH ROW EXECUTE FUNCTION regula_policy_versions_immutable()`);

    await q.query(`CREATE TABLE policy_announcements (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      version_id uuid NOT NULL REFERENCES policy_versions(id),
      subject_id uuid NOT NULL REFERENCES data_subjects(id) ON DELETE CASCADE,
      email_id uuid,
      sent_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (version_id, subject_id))`);
    await q.query(`CREATE INDEX policy_announcements_tenant ON policy_announcements (tenant_id, version_id)`);

    for (const table of ['policy_versions', 'policy_announcements']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    }
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON policy_versions TO regula_app`);
    await q.query(`GRANT SELECT, INSERT ON policy_announcements TO regula_app`);

    await q.query(`ALTER TABLE consents ADD COLUMN renewal_required_at timestamptz`);
    await q.query(`ALTER TABLE consents ADD COLUMN renewal_policy_version int`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consents DROP COLUMN IF EXISTS renewal_policy_version`);
    await q.query(`ALTER TABLE consents DROP COLUMN IF EXISTS renewal_required_at`);
    await q.query(`DROP TABLE IF EXISTS policy_announcements CASCADE`);
    await q.query(`DROP TABLE IF EXISTS policy_versions CASCADE`);
    await q.query(`DROP FUNCTION IF EXISTS regula_policy_versions_immutable()`);
    await q.query(`ALTER TABLE registers DROP COLUMN IF EXISTS position`);
  }
}
