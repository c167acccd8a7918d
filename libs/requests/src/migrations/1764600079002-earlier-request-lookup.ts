import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate lookup of a new request (duplicates.ts `findEarlierRequest`) as
 * one statement: a web filing reads it before its one-trip write without
 * opening a transaction (issue 16 §2). The function sets the tenant for its own
 * query, so row-level security applies as in a tenant's transaction (SECURITY
 * INVOKER: the caller's rights), and puts back the caller's setting afterwards
 * (inside a transaction of another scope it changes nothing for the rest).
 */
export class EarlierRequestLookup1764600079002 implements MigrationInterface {
  name = 'EarlierRequestLookup1764600079002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION regula_earlier_request(p_tenant uuid, p_type text, p_keys text[], p_from timestamptz, p_to timestamptz, p_exclude uuid)
        RETURNS TABLE (id uuid, reference text) LANGUAGE plpgsql AS $$
      DECLARE
        caller text := current_setting('app.tenant_id', true);
      BEGIN
        PERFORM set_config('app.tenant_id', p_tenant::text, true);
        RETURN QUERY
          SELECT r.id, r.reference FROM rights_requests r
           WHERE r.tenant_id = p_tenant AND r.type = p_type AND r.identity_keys && p_keys AND r.state <> 'merged'
             AND r.received_at >= p_from AND r.received_at <= p_to AND r.id IS DISTINCT FROM p_exclude
           ORDER BY (r.duplicate_of IS NULL) DESC, CASE WHEN r.duplicate_of IS NULL THEN r.received_at END ASC, r.received_at DESC
           LIMIT 1;
        PERFORM set_config('app.tenant_id', coalesce(caller, ''), true);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION regula_earlier_request(uuid, text, text[], timestamptz, timestamptz, uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION regula_earlier_request(uuid, text, text[], timestamptz, timestamptz, uuid) TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION regula_earlier_request(uuid, text, text[], timestamptz, timestamptz, uuid)`);
  }
}
