import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A controller created and edited from the API (issue 17 §1), which connects as
 * `regula_app`: it may insert a `tenants` row in the platform scope only (a
 * platform admin's act; the slug and the facts, nothing else), and update its
 * facts and logo within that tenant's own scope (a compliance admin's facts
 * form), each change a new `tenant_versions` row (insert and close under the
 * tenant policy). A tenant-scoped transaction can neither create a tenant nor
 * touch another's row nor change its own suspension, and the platform scope
 * changes no controller's facts (a trigger keeps each scope to its columns:
 * column grants are the role's, policies the row's). The logo: PNG, JPEG, WebP or sanitised SVG,
 * checked by content before it is stored, at most 256 KiB.
 */
export class TenantOnboarding1764600070000 implements MigrationInterface {
  name = 'TenantOnboarding1764600070000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenants ADD COLUMN logo bytea, ADD COLUMN logo_type text,
      ADD CONSTRAINT tenants_logo CHECK ((logo IS NULL) = (logo_type IS NULL)
        AND (logo_type IS NULL OR logo_type IN ('image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'))
        AND (logo IS NULL OR octet_length(logo) <= 262144))`);
    await q.query(`GRANT INSERT (slug, legal_name, country, time_zone, definition, definition_hash) ON tenants TO regula_app`);
    await q.query(`CREATE POLICY platform_creates ON tenants FOR INSERT WITH CHECK (regula_platform_scope())`);
    await q.query(`GRANT UPDATE (legal_name, country, time_zone, definition, definition_hash, updated_at, logo, logo_type) ON tenants TO regula_app`);
    await q.query(`CREATE POLICY tenant_edits_own ON tenants FOR UPDATE USING (id = regula_current_tenant()) WITH CHECK (id = regula_current_tenant())`);
    await q.query(`CREATE FUNCTION regula_tenant_row_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_user <> 'regula_app' THEN RETURN NEW; END IF;
        IF (NEW.suspended_at IS DISTINCT FROM OLD.suspended_at OR NEW.suspension_reason IS DISTINCT FROM OLD.suspension_reason)
           AND NOT regula_platform_scope() THEN
          RAISE EXCEPTION 'a controller''s suspension changes in the platform scope only' USING ERRCODE = '42501';
        END IF;
        IF (NEW.legal_name, NEW.country, NEW.time_zone, NEW.definition, NEW.definition_hash, NEW.logo, NEW.logo_type)
             IS DISTINCT FROM (OLD.legal_name, OLD.country, OLD.time_zone, OLD.definition, OLD.definition_hash, OLD.logo, OLD.logo_type)
           AND regula_current_tenant() IS DISTINCT FROM NEW.id THEN
          RAISE EXCEPTION 'a controller''s facts change in its own scope only' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER tenants_row_guard BEFORE UPDATE ON tenants FOR EACH ROW EXECUTE FUNCTION regula_tenant_row_guard()`);
    await q.query(`GRANT INSERT, UPDATE ON tenant_versions TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE INSERT, UPDATE ON tenant_versions FROM regula_app`);
    await q.query(`DROP TRIGGER IF EXISTS tenants_row_guard ON tenants`);
    await q.query(`DROP FUNCTION IF EXISTS regula_tenant_row_guard()`);
    await q.query(`DROP POLICY IF EXISTS tenant_edits_own ON tenants`);
    await q.query(`REVOKE UPDATE (legal_name, country, time_zone, definition, definition_hash, updated_at, logo, logo_type) ON tenants FROM regula_app`);
    await q.query(`DROP POLICY IF EXISTS platform_creates ON tenants`);
    await q.query(`REVOKE INSERT (slug, legal_name, country, time_zone, definition, definition_hash) ON tenants FROM regula_app`);
    await q.query(`ALTER TABLE tenants DROP CONSTRAINT IF EXISTS tenants_logo, DROP COLUMN IF EXISTS logo, DROP COLUMN IF EXISTS logo_type`);
  }
}
