import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenants, versioned registers, users, memberships and the hash-chained audit
 * log, with row-level security on every tenant table (what tenancy rests on,
 * with the explicit tenant id). The application connects as `regula_app`, a role
 * that is neither superuser nor table owner, and RLS is FORCEd, so a query
 * without `app.tenant_id` set in its transaction sees no tenant rows.
 *
 * It lives in libs/tenancy, the lowest lib that owns one of its tables, because
 * every later migration needs what it creates first: the role and the RLS
 * functions. The registers, auth and audit tables it also creates belong to those
 * libs; it keeps its name and timestamp so existing databases see it as run.
 */
export class InitialSchema1763700000000 implements MigrationInterface {
  name = 'InitialSchema1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'regula_app') THEN
        CREATE ROLE regula_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF; END $$`);

    await q.query(`CREATE FUNCTION regula_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$`);
    await q.query(`CREATE FUNCTION regula_current_user() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$`);
    await q.query(`CREATE FUNCTION regula_platform_scope() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('app.scope', true), '') = 'platform' $$`);

    await q.query(`CREATE TABLE tenants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      legal_name text NOT NULL,
      country char(2) NOT NULL,
      time_zone text NOT NULL,
      definition jsonb NOT NULL,
      definition_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE registers (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      key text NOT NULL,
      current_version int NOT NULL CHECK (current_version > 0),
      retired_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, key))`);

    await q.query(`CREATE TABLE register_versions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      register_id uuid NOT NULL REFERENCES registers(id),
      version int NOT NULL CHECK (version > 0),
      definition jsonb NOT NULL,
      content_hash char(64) NOT NULL,
      valid_from timestamptz NOT NULL DEFAULT now(),
      valid_to timestamptz,
      is_current boolean NOT NULL,
      author text NOT NULL,
      change_summary text,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (register_id, version))`);
    await q.query(`CREATE UNIQUE INDEX register_versions_one_current ON register_versions (register_id) WHERE is_current`);
    await q.query(`CREATE INDEX register_versions_tenant_valid ON register_versions (tenant_id, valid_from)`);

    await q.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      email text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
      display_name text NOT NULL,
      password_hash text NOT NULL,
      is_platform_admin boolean NOT NULL DEFAULT false,
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX users_email ON users (email)`);

    await q.query(`CREATE TABLE memberships (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      user_id uuid NOT NULL REFERENCES users(id),
      role text NOT NULL CHECK (role IN ('compliance-admin', 'auditor')),
      permissions text[],
      access_until timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (tenant_id, user_id))`);

    await q.query(`CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      tenant_id uuid REFERENCES tenants(id),
      seq bigint NOT NULL CHECK (seq > 0),
      at timestamptz NOT NULL,
      actor_id uuid,
      actor text NOT NULL,
      action text NOT NULL,
      target_type text,
      target_id text,
      details jsonb NOT NULL DEFAULT '{}',
      ip text,
      prev_hash char(64) NOT NULL,
      hash char(64) NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX audit_log_chain ON audit_log
      (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), seq)`);
    // The audit log is append-only, for every role (tests that tamper disable this trigger as superuser).
    await q.query(`CREATE FUNCTION regula_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION regula_audit_append_only()`);

    // Row-level security: the backstop behind the code's own tenant checks.
    for (const table of ['registers', 'register_versions']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant_isolation ON ${table}
        USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    }
    await q.query(`ALTER TABLE memberships ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE memberships FORCE ROW LEVEL SECURITY`);
    // A user may read their own memberships (to sign in and pick a tenant); changes stay within the tenant.
    await q.query(`CREATE POLICY tenant_isolation ON memberships
      USING (tenant_id = regula_current_tenant() OR user_id = regula_current_user())
      WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_log FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON audit_log
      USING (tenant_id = regula_current_tenant() OR (tenant_id IS NULL AND regula_platform_scope()))
      WITH CHECK (tenant_id = regula_current_tenant() OR (tenant_id IS NULL AND regula_platform_scope()))`);
    // Tenants hold only what the controllers publish; readable by all, written only by the owner.
    await q.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE tenants FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY public_read ON tenants FOR SELECT USING (true)`);

    await q.query(`GRANT USAGE ON SCHEMA public TO regula_app`);
    await q.query(`GRANT SELECT ON tenants TO regula_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON registers, register_versions TO regula_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON users TO regula_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO regula_app`);
    await q.query(`GRANT SELECT, INSERT ON audit_log TO regula_app`);
    await q.query(`GRANT USAGE ON SEQUENCE audit_log_id_seq TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'memberships', 'users', 'register_versions', 'registers', 'tenants']) {
      await q.query(`DROP TABLE IF EXISTS ${t} CASCADE`);
    }
    await q.query(`DROP FUNCTION IF EXISTS regula_audit_append_only()`);
    await q.query(`DROP FUNCTION IF EXISTS regula_platform_scope()`);
    await q.query(`DROP FUNCTION IF EXISTS regula_current_user()`);
    await q.query(`DROP FUNCTION IF EXISTS regula_current_tenant()`);
  }
}
