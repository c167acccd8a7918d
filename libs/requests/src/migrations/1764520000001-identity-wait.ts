import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request waiting for the requester's identity information (GDPR Art. 12(6)):
 * how many reminders the requester got (after 7 and 14 days by default), and
 * when the wait ended in "identity not confirmed" (after 30 days by default, the
 * controller's choice). A request so closed reopens with its original receipt
 * when the information arrives later.
 */
export class IdentityWait1764520000001 implements MigrationInterface {
  name = 'IdentityWait1764520000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests ADD COLUMN identity_reminders_sent integer NOT NULL DEFAULT 0 CHECK (identity_reminders_sent >= 0)`);
    await q.query(`ALTER TABLE rights_requests ADD COLUMN identity_wait_closed_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS identity_wait_closed_at`);
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS identity_reminders_sent`);
  }
}
