import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A team's queue (issue 14 §5):
 * - `rights_requests.assignee_id`: the tenant member who handles the request
 *   (null: nobody yet). A user's membership can end; the request keeps the id
 *   and the page shows the name the users table still holds.
 * - `request_notes`: internal notes of the tenant's staff on a request. Never
 *   shown to the subject; they are the requester's personal data, so a later
 *   access request of the same subject includes them (Art. 15).
 * - `rights_requests.download_code_*`: the hash of the single-use e-mail code
 *   that unlocks one download of the data package from the status page, its
 *   expiry and the wrong tries (issue 14 §4).
 */
export class RequestDesk1764540000000 implements MigrationInterface {
  name = 'RequestDesk1764540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests ADD COLUMN assignee_id uuid NULL REFERENCES users(id)`);
    await q.query(`ALTER TABLE rights_requests ADD COLUMN download_code_hash char(64) NULL,
      ADD COLUMN download_code_expires_at timestamptz NULL, ADD COLUMN download_code_attempts int NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX rights_requests_assignee ON rights_requests (tenant_id, assignee_id) WHERE assignee_id IS NOT NULL`);
    await q.query(`CREATE TABLE request_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id),
      request_id uuid NOT NULL REFERENCES rights_requests(id),
      author_id uuid NULL REFERENCES users(id),
      author_label text NOT NULL,
      text text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX request_notes_request ON request_notes (tenant_id, request_id, created_at)`);
    await q.query(`ALTER TABLE request_notes ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE request_notes FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant_isolation ON request_notes
      USING (tenant_id = regula_current_tenant()) WITH CHECK (tenant_id = regula_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON request_notes TO regula_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS request_notes`);
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS assignee_id, DROP COLUMN IF EXISTS download_code_hash,
      DROP COLUMN IF EXISTS download_code_expires_at, DROP COLUMN IF EXISTS download_code_attempts`);
  }
}
