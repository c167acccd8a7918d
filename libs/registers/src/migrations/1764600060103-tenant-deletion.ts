import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one way past the append-only and immutable rows (issue 17 §1): a
 * controller's deletion by the schema owner (TenantDeletions, libs/registers)
 * sets `regula.deleting_tenant` to the tenant's id in its transaction; the
 * triggers of audit_log, audit_checkpoints and policy_versions then let that
 * tenant's rows be deleted, and nothing else. A role that owns no table (the
 * API's and the worker's `regula_app`) cannot use it, whatever it sets.
 */
const DELETING = `TG_OP = 'DELETE' AND OLD.tenant_id IS NOT NULL
  AND OLD.tenant_id::text = current_setting('regula.deleting_tenant', true)
  AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER')`;

export class TenantDeletion1764600060103 implements MigrationInterface {
  name = 'TenantDeletion1764600060103';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION regula_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF ${DELETING} THEN RETURN OLD; END IF; RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION regula_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF ${DELETING} THEN RETURN OLD; END IF; RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION regula_policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${DELETING} THEN RETURN OLD; END IF;
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'policy version % of tenant % is published and cannot be changed', OLD.number, OLD.tenant_id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION regula_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION regula_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    await q.query(`CREATE OR REPLACE FUNCTION regula_policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'policy version % of tenant % is published and cannot be changed', OLD.number, OLD.tenant_id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`);
  }
}
