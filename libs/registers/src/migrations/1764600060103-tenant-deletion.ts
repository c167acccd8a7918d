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

/** The three trigger functions, each letting `pass` through first (nothing: as they were before). */
function triggerFunctions(pass: string): string[] {
  return [
    `CREATE OR REPLACE FUNCTION regula_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN ${pass} RAISE EXCEPTION 'audit_log is append-only'; END $$`,
    `CREATE OR REPLACE FUNCTION regula_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN ${pass} RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
    `CREATE OR REPLACE FUNCTION regula_policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${pass}
        IF OLD.status = 'published' THEN
          RAISE EXCEPTION 'policy version % of tenant % is published and cannot be changed', OLD.number, OLD.tenant_id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$`,
  ];
}

export class TenantDeletion1764600060103 implements MigrationInterface {
  name = 'TenantDeletion1764600060103';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of triggerFunctions(`IF ${DELETING} THEN RETURN OLD; END IF;`)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of triggerFunctions('')) await q.query(sql);
  }
}
