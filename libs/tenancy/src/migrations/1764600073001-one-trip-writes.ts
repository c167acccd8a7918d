import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `regula_write_rows(tenant, parts)`: the inserts of a one-trip unit of work
 * (libs/platform one-trip-writes.ts, `TenantDb.forTenantInOneTrip`) in one
 * statement. It sets the tenant for its transaction, as every tenant
 * transaction does, then inserts each part's rows (JSON objects keyed by
 * column) into its table, in order, one INSERT per part. SECURITY INVOKER
 * (the default): it runs with the caller's rights and row-level security, so
 * it lets the API do nothing it could not do with the same INSERTs.
 */
export class OneTripWrites1764600073001 implements MigrationInterface {
  name = 'OneTripWrites1764600073001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION regula_write_rows(p_tenant uuid, p_parts jsonb) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        part jsonb;
        cols text;
      BEGIN
        PERFORM set_config('app.tenant_id', p_tenant::text, true);
        FOR part IN SELECT value FROM jsonb_array_elements(p_parts) LOOP
          SELECT string_agg(quote_ident(c), ', ') INTO cols FROM jsonb_array_elements_text(part->'columns') AS c;
          EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_recordset(NULL::%I, $1)', part->>'table', cols, cols, part->>'table')
            USING part->'rows';
        END LOOP;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION regula_write_rows(uuid, jsonb) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION regula_write_rows(uuid, jsonb) TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS regula_write_rows(uuid, jsonb)`);
  }
}
