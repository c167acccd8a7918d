import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests a compliance admin records from another channel (e-mail, post,
 * phone, in person), issue 14 §1:
 * - `requester_email` becomes optional: a subject who wrote by post or called
 *   may have no address; then `requester_address` or `requester_phone` is
 *   the contact (at least one of the three, checked here too);
 * - `received_by`: who at the controller received it (a member's name);
 * - `recorded_late` and `late_reason`: the receipt was recorded on a later
 *   local day than it happened; a receipt more than 30 days back needs the reason;
 * - `request_artifacts.delivery`: how a reply reached the subject ('e-mail',
 *   'post', 'in-person'); null for the files fulfilment produces.
 */
export class RecordedRequests1764500000000 implements MigrationInterface {
  name = 'RecordedRequests1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests ALTER COLUMN requester_email DROP NOT NULL`);
    await q.query(`ALTER TABLE rights_requests
      ADD COLUMN requester_address text CHECK (requester_address IS NULL OR char_length(requester_address) <= 1000),
      ADD COLUMN requester_phone text CHECK (requester_phone IS NULL OR char_length(requester_phone) <= 40),
      ADD COLUMN received_by text CHECK (received_by IS NULL OR char_length(received_by) <= 200),
      ADD COLUMN recorded_late boolean NOT NULL DEFAULT false,
      ADD COLUMN late_reason text CHECK (late_reason IS NULL OR char_length(late_reason) <= 2000),
      ADD CONSTRAINT rights_requests_contact CHECK (requester_email IS NOT NULL OR requester_address IS NOT NULL OR requester_phone IS NOT NULL)`);
    await q.query(`ALTER TABLE request_artifacts ADD COLUMN delivery text CHECK (delivery IS NULL OR delivery IN ('e-mail', 'post', 'in-person'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE request_artifacts DROP COLUMN IF EXISTS delivery`);
    await q.query(`ALTER TABLE rights_requests DROP CONSTRAINT IF EXISTS rights_requests_contact,
      DROP COLUMN IF EXISTS requester_address, DROP COLUMN IF EXISTS requester_phone, DROP COLUMN IF EXISTS received_by,
      DROP COLUMN IF EXISTS recorded_late, DROP COLUMN IF EXISTS late_reason`);
    await q.query(`ALTER TABLE rights_requests ALTER COLUMN requester_email SET NOT NULL`);
  }
}
