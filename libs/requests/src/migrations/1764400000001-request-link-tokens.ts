import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Secrets out of stored e-mail (issue 12, finding 1): a status link's token
 * and the e-mail code are minted by the worker when it sends the e-mail.
 * - `request_link_tokens`: the hash of each e-mail's status-link token (one
 *   per e-mail: a new attempt replaces it), next to the filer's own link on
 *   the request (`rights_requests.status_token_hash`).
 * - E-mails written before: the token and the code in their text become
 *   placeholders the worker fills (a pending one still sends, with fresh
 *   secrets); the outbox shows them redacted like every later one.
 */
export class RequestLinkTokens1764400000001 implements MigrationInterface {
  name = 'RequestLinkTokens1764400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE request_link_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      email_id uuid NOT NULL UNIQUE REFERENCES outbox_emails(id),
      token_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX request_link_tokens_request ON request_link_tokens (request_id, token_hash)`);
    await q.query(`ALTER TABLE request_link_tokens ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE request_link_tokens FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON request_link_tokens
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON request_link_tokens TO regula_app`);

    await placeholdersForStoredSecrets(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS request_link_tokens`);
  }
}

/**
 * E-mails written before secrets were minted at sending: the code (read from
 * the verify-email's subject) first, then the link's token become
 * placeholders, with the kinds the worker mints. Rows already converted are
 * left alone, so it can run again.
 */
export async function placeholdersForStoredSecrets(q: { query(sql: string, params?: unknown[]): Promise<unknown> }): Promise<void> {
  await q.query(`UPDATE outbox_emails SET secrets = jsonb_build_object('nonce', substr(md5(random()::text || id::text), 1, 16), 'kinds', '[]'::jsonb)
    WHERE template IN ('request-received', 'verify-email') AND secrets IS NULL`);
  await q.query(`WITH c AS (
      SELECT id, (regexp_match(subject, '(?:^|[^0-9])([0-9]{6})(?:[^0-9]|$)'))[1] AS code, 'regula-secret-' || (secrets->>'nonce') || '-1' AS ph
        FROM outbox_emails WHERE template = 'verify-email' AND secrets->'kinds' = '[]'::jsonb)
    UPDATE outbox_emails e SET subject = replace(e.subject, c.code, c.ph), body_text = replace(e.body_text, c.code, c.ph), body_html = replace(e.body_html, c.code, c.ph)
      FROM c WHERE e.id = c.id AND c.code IS NOT NULL`);
  await q.query(`UPDATE outbox_emails SET
      body_text = regexp_replace(body_text, 'token=[A-Za-z0-9_-]{43}', 'token=regula-secret-' || (secrets->>'nonce') || '-0', 'g'),
      body_html = regexp_replace(body_html, 'token=[A-Za-z0-9_-]{43}', 'token=regula-secret-' || (secrets->>'nonce') || '-0', 'g'),
      secrets = jsonb_set(secrets, '{kinds}', CASE WHEN template = 'verify-email' THEN '["request-link-token", "request-email-code"]'::jsonb ELSE '["request-link-token"]'::jsonb END)
    WHERE template IN ('request-received', 'verify-email') AND secrets->'kinds' = '[]'::jsonb`);
}
