import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on with a tenant's OpenID Connect provider (issue 18 §2):
 * - `tenant_sso`: one row per tenant: the provider's name shown on the button,
 *   its issuer, the client id, the client secret sealed by the secret box
 *   (never readable in the database), whether it is on, and the role a person
 *   unknown to the tenant gets (null: refused; just-in-time membership is off by default);
 * - `memberships.sso_issuer` and `sso_subject`: the (issuer, subject) a member
 *   signed in with, unique in the tenant, bound on the first sign-in matched by a verified e-mail.
 */
export class TenantSso1764600076000 implements MigrationInterface {
  name = 'TenantSso1764600076000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tenant_sso (
      tenant_id uuid PRIMARY KEY REFERENCES tenants(id),
      provider_name text NOT NULL CHECK (length(provider_name) BETWEEN 1 AND 80),
      issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 2000),
      client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
      client_secret_sealed text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      jit_role text CHECK (jit_role IN ('compliance-admin', 'auditor')),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`ALTER TABLE tenant_sso ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenant_sso FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON tenant_sso
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON tenant_sso TO regula_app`);
    await q.query(`ALTER TABLE memberships ADD COLUMN sso_issuer text, ADD COLUMN sso_subject text`);
    await q.query(`ALTER TABLE memberships ADD CONSTRAINT memberships_sso_pair CHECK ((sso_issuer IS NULL) = (sso_subject IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX memberships_sso_identity ON memberships (tenant_id, sso_issuer, sso_subject) WHERE sso_issuer IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS memberships_sso_identity`);
    await q.query(`ALTER TABLE memberships DROP CONSTRAINT IF EXISTS memberships_sso_pair`);
    await q.query(`ALTER TABLE memberships DROP COLUMN IF EXISTS sso_subject, DROP COLUMN IF EXISTS sso_issuer`);
    await q.query(`DROP TABLE IF EXISTS tenant_sso`);
  }
}
