import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate lookup for several filings of a tenant in one statement
 * (issue 16 §2): `regula_earlier_requests(tenant, lookups)` answers, for each
 * lookup of the JSON array (type, identity keys, window), the earlier request
 * `regula_earlier_request` (migration 1764600080001) finds, numbered by the
 * lookup's place. The filings of one moment share one call, as they share
 * their write (EarlierRequestLookups, OneTripBatches); each lookup reads as
 * it did alone.
 */
export class EarlierRequestsTogether1764600080002 implements MigrationInterface {
  name = 'EarlierRequestsTogether1764600080002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION regula_earlier_requests(p_tenant uuid, p_lookups jsonb)
        RETURNS TABLE (lookup int, request_id uuid, request_reference text) LANGUAGE plpgsql AS $$
      DECLARE
        l jsonb;
        n int := 0;
        hit record;
      BEGIN
        FOR l IN SELECT value FROM jsonb_array_elements(p_lookups) LOOP
          SELECT e.id, e.reference INTO hit
            FROM regula_earlier_request(p_tenant, l->>'type', ARRAY(SELECT jsonb_array_elements_text(l->'keys')),
                                        (l->>'from')::timestamptz, (l->>'to')::timestamptz, NULL) AS e;
          IF hit.id IS NOT NULL THEN
            lookup := n;
            request_id := hit.id;
            request_reference := hit.reference;
            RETURN NEXT;
          END IF;
          n := n + 1;
        END LOOP;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION regula_earlier_requests(uuid, jsonb) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION regula_earlier_requests(uuid, jsonb) TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION regula_earlier_requests(uuid, jsonb)`);
  }
}
