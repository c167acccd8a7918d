import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the controller first asked the requester for identity information
 * (GDPR Art. 12(6)), and whether that was late: more than
 * REQUESTS_IDENTITY_LATE_DAYS after receipt. A late request for identity does
 * not stop the clock any less (EDPB Guidelines 01/2022 §159), but it is a
 * question a supervisory authority will ask, so the dashboard flags it.
 * Requests filed before this migration asked at filing: never late.
 */
export class IdentityRequestLate1764520000000 implements MigrationInterface {
  name = 'IdentityRequestLate1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests ADD COLUMN identity_requested_at timestamptz`);
    await q.query(`ALTER TABLE rights_requests ADD COLUMN identity_request_late boolean NOT NULL DEFAULT false`);
    await q.query(`
      UPDATE rights_requests r SET identity_requested_at = s.first_at
        FROM (SELECT request_id, min(from_at) AS first_at FROM request_suspensions WHERE kind = 'identity' GROUP BY request_id) s
       WHERE s.request_id = r.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS identity_request_late`);
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS identity_requested_at`);
  }
}
