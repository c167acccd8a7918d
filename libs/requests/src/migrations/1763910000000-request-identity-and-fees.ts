import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rights requests: the e-mail confirmation apart from the identity check
 * (document methods need both), the fee warning of Art. 12(5) (EDPB
 * Guidelines 01/2022 §§175-194), what kind of stop of the clock a suspension
 * is (waiting for identity, or an admin's pause while waiting for
 * information), and the reviewer's note on identity evidence.
 */
export class RequestIdentityAndFees1763910000000 implements MigrationInterface {
  name = 'RequestIdentityAndFees1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests
      ADD COLUMN email_verified_at timestamptz,
      ADD COLUMN fee_reason text,
      ADD COLUMN fee_requested_at timestamptz,
      ADD CONSTRAINT rights_requests_refusal_ground CHECK (refusal_ground IS NULL OR refusal_ground IN
        ('manifestly-unfounded', 'excessive', 'identity-not-established', 'no-data', 'legal-exemption')),
      ADD CONSTRAINT rights_requests_fee_positive CHECK (fee_eur IS NULL OR fee_eur > 0)`);
    await q.query(`ALTER TABLE request_suspensions
      ADD COLUMN kind text NOT NULL DEFAULT 'identity' CHECK (kind IN ('identity', 'pause'))`);
    await q.query(`ALTER TABLE identity_evidence ADD COLUMN review_note text`);
    await q.query(`CREATE INDEX identity_evidence_request ON identity_evidence (request_id)`);
    await q.query(`CREATE INDEX request_suspensions_request ON request_suspensions (request_id, from_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS request_suspensions_request`);
    await q.query(`DROP INDEX IF EXISTS identity_evidence_request`);
    await q.query(`ALTER TABLE identity_evidence DROP COLUMN IF EXISTS review_note`);
    await q.query(`ALTER TABLE request_suspensions DROP COLUMN IF EXISTS kind`);
    await q.query(`ALTER TABLE rights_requests
      DROP CONSTRAINT IF EXISTS rights_requests_fee_positive,
      DROP CONSTRAINT IF EXISTS rights_requests_refusal_ground,
      DROP COLUMN IF EXISTS fee_requested_at,
      DROP COLUMN IF EXISTS fee_reason,
      DROP COLUMN IF EXISTS email_verified_at`);
  }
}
