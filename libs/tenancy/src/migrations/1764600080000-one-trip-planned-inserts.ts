import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rows of a web filing, the one one-trip unit of work there is
 * (libs/requests request-filing.service.ts), as they reach
 * `regula_write_rows`: each table with the columns the unit gives, in the
 * order it gives them (the entity's columns that have a value). A migration
 * keeps the shapes of its day; test/one-trip-filing.e2e-spec.ts fails when a
 * filing's shape no longer matches one of these.
 */
const PLANNED: Record<string, string[]> = {
  rights_requests: [
    'id', 'tenant_id', 'reference', 'type', 'state', 'subject_id', 'requester_email', 'requester_name', 'locale', 'details', 'channel',
    'received_at', 'due_at', 'due_date', 'first_due_at', 'identity_method', 'identity_verified_at', 'identity_requested_at',
    'identity_request_late', 'email_verified_at', 'verification_hash', 'verification_expires_at', 'verification_attempts',
    'status_token_hash', 'extended_at', 'extension_reason', 'refusal_reason', 'refusal_ground', 'fee_eur', 'fee_reason',
    'fee_requested_at', 'outcome', 'closed_at', 'identity_keys', 'duplicate_of',
  ],
  request_events: ['id', 'tenant_id', 'request_id', 'at', 'kind', 'from_state', 'to_state', 'actor', 'visible_to_subject', 'note', 'data'],
  audit_pending: ['tenant_id', 'actor_id', 'actor', 'action', 'target_type', 'target_id', 'details', 'ip'],
  request_suspensions: ['id', 'tenant_id', 'request_id', 'from_at', 'to_at', 'reason', 'kind'],
  outbox_emails: [
    'id', 'tenant_id', 'request_id', 'to_address', 'subject', 'body_text', 'body_html', 'render_input', 'template', 'locale', 'status',
    'attempts', 'last_error', 'sent_at', 'secrets', 'created_at',
  ],
};

const quoted = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** One branch of the CASE: the part's table and columns are this shape's, so its INSERT is written out (planned once per connection). */
function branch(table: string, columns: string[]): string {
  const cols = columns.join(', ');
  return `WHEN part->>'table' = ${quoted(table)} AND part->'columns' = ${quoted(JSON.stringify(columns))}::jsonb THEN
          INSERT INTO ${table} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${table}, part->'rows');`;
}

/**
 * `regula_write_rows` (migration 1764600073001) again, with the same effect:
 * the tenant set for the transaction, each part's rows inserted in order.
 * What changes is what PostgreSQL does for it (issue 16 §2). It built each
 * INSERT as text and ran it with EXECUTE, which PL/pgSQL parses, rewrites
 * (row-level security) and plans afresh on every call: measured on one
 * connection, 1.3 ms of a filing's 5 parts against 0.5 ms for the same
 * INSERTs written out, which PL/pgSQL plans once per connection and keeps. So
 * the shapes a filing writes are written out here; any other shape still
 * takes the EXECUTE, and the function now returns the tables that took it
 * (empty for a filing), so the API can say that a shape has drifted.
 */
export class OneTripPlannedInserts1764600080000 implements MigrationInterface {
  name = 'OneTripPlannedInserts1764600080000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION regula_write_rows(uuid, jsonb)`);
    await q.query(`
      CREATE FUNCTION regula_write_rows(p_tenant uuid, p_parts jsonb) RETURNS text[] LANGUAGE plpgsql AS $$
      DECLARE
        part jsonb;
        cols text;
        unplanned text[] := '{}';
      BEGIN
        PERFORM set_config('app.tenant_id', p_tenant::text, true);
        FOR part IN SELECT value FROM jsonb_array_elements(p_parts) LOOP
          CASE
          ${Object.entries(PLANNED).map(([table, columns]) => branch(table, columns)).join('\n          ')}
          ELSE
            SELECT string_agg(quote_ident(c), ', ') INTO cols FROM jsonb_array_elements_text(part->'columns') AS c;
            EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM jsonb_populate_recordset(NULL::%I, $1)', part->>'table', cols, cols, part->>'table')
              USING part->'rows';
            unplanned := unplanned || (part->>'table');
          END CASE;
        END LOOP;
        RETURN unplanned;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION regula_write_rows(uuid, jsonb) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION regula_write_rows(uuid, jsonb) TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION regula_write_rows(uuid, jsonb)`);
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
}
