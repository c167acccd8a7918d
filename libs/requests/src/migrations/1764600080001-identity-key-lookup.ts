import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate lookup of a new request (duplicates.ts `findEarlierRequest`,
 * `regula_earlier_request`) as one indexed read for the API's role too.
 *
 * It compared `identity_keys && p_keys` on `rights_requests`, with a GIN
 * index. Under row-level security PostgreSQL uses a condition for an index
 * only if its operator is leakproof, and the array overlap is not: the API
 * (regula_app) read every request of the tenant on each filing (measured
 * with 1,066 requests: a sequential scan, 0.55 ms a lookup; 0.06 ms through
 * the GIN index for the schema owner). It grows with the tenant's requests.
 *
 * So each key is also a row of `request_identity_keys` (tenant, key,
 * request), kept by a trigger from `rights_requests.identity_keys` on insert
 * and on update of the keys (the e-mail intake's relink), and the lookup
 * finds the keys by equality (text equality is leakproof) on a B-tree, then
 * the requests by their ids. Tenant-isolated like every tenant table; the
 * API's role never writes it but through the trigger. The GIN index, which
 * only the schema owner could use, is dropped.
 */
export class IdentityKeyLookup1764600080001 implements MigrationInterface {
  name = 'IdentityKeyLookup1764600080001';

  async up(q: QueryRunner): Promise<void> {
    // No reference to tenants: the request's own reference carries it (a filing's rows already take a dozen key-share locks on its tenant).
    await q.query(`CREATE TABLE request_identity_keys (
      tenant_id uuid NOT NULL,
      key text NOT NULL,
      request_id uuid NOT NULL REFERENCES rights_requests(id) ON DELETE CASCADE,
      PRIMARY KEY (tenant_id, key, request_id))`);
    await q.query(`CREATE INDEX request_identity_keys_request ON request_identity_keys (request_id)`);
    await q.query(`ALTER TABLE request_identity_keys ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE request_identity_keys FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON request_identity_keys
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON request_identity_keys TO regula_app`);
    await q.query(`INSERT INTO request_identity_keys (tenant_id, key, request_id)
      SELECT DISTINCT r.tenant_id, k.key, r.id FROM rights_requests r CROSS JOIN LATERAL unnest(r.identity_keys) AS k(key)`);

    await q.query(`
      CREATE FUNCTION regula_request_identity_keys() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          DELETE FROM request_identity_keys WHERE tenant_id = OLD.tenant_id AND request_id = OLD.id AND key <> ALL (NEW.identity_keys);
        END IF;
        INSERT INTO request_identity_keys (tenant_id, key, request_id)
          SELECT DISTINCT NEW.tenant_id, k, NEW.id FROM unnest(NEW.identity_keys) AS k
          ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER rights_requests_identity_keys AFTER INSERT OR UPDATE OF identity_keys ON rights_requests
      FOR EACH ROW EXECUTE FUNCTION regula_request_identity_keys()`);
    // The GIN index served only the lookup, and only the schema owner: every filing paid for it.
    await q.query(`DROP INDEX rights_requests_identity_keys`);

    await q.query(`
      CREATE OR REPLACE FUNCTION regula_earlier_request(p_tenant uuid, p_type text, p_keys text[], p_from timestamptz, p_to timestamptz, p_exclude uuid)
        RETURNS TABLE (id uuid, reference text) LANGUAGE plpgsql AS $$
      DECLARE
        caller text := current_setting('app.tenant_id', true);
        sharing uuid[];
      BEGIN
        PERFORM set_config('app.tenant_id', p_tenant::text, true);
        -- The requests sharing a key first, then those requests by id: two statements, so that no plan (PL/pgSQL keeps
        -- a generic one after five calls, made with what the statistics said then) starts from all the tenant's requests.
        SELECT array_agg(k.request_id) INTO sharing FROM request_identity_keys k WHERE k.tenant_id = p_tenant AND k.key = ANY (p_keys);
        IF sharing IS NOT NULL THEN
          RETURN QUERY
            SELECT r.id, r.reference FROM rights_requests r
             WHERE r.id = ANY (sharing)
               AND r.tenant_id = p_tenant AND r.type = p_type AND r.state <> 'merged'
               AND r.received_at >= p_from AND r.received_at <= p_to AND r.id IS DISTINCT FROM p_exclude
             ORDER BY (r.duplicate_of IS NULL) DESC, CASE WHEN r.duplicate_of IS NULL THEN r.received_at END ASC, r.received_at DESC
             LIMIT 1;
        END IF;
        PERFORM set_config('app.tenant_id', coalesce(caller, ''), true);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION regula_earlier_request(p_tenant uuid, p_type text, p_keys text[], p_from timestamptz, p_to timestamptz, p_exclude uuid)
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
    await q.query(`CREATE INDEX rights_requests_identity_keys ON rights_requests USING gin (identity_keys)`);
    await q.query(`DROP TRIGGER IF EXISTS rights_requests_identity_keys ON rights_requests`);
    await q.query(`DROP FUNCTION IF EXISTS regula_request_identity_keys()`);
    await q.query(`DROP TABLE IF EXISTS request_identity_keys`);
  }
}
