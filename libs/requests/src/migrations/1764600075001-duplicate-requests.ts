import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicate rights requests (issue 18 §1): a request of the same type from the
 * same data subject within the tenant's window is linked to the earlier one
 * when it is filed (`duplicate_of`, duplicates.ts). `identity_keys` holds the
 * requester's normalised identity values (`identityKeys`: the e-mail address,
 * the phone with the name, the postal address with the name), compared with
 * `&&` on a GIN index. A later request merged into its earlier one ends in the
 * state `merged` (one answer for both); one that repeats an answered request
 * may be refused on the ground `repeated` (GDPR Art. 12(5), "in particular
 * because of their repetitive character"). Rows filed before this migration
 * get the e-mail key only (lower-cased, trimmed), the same as the code writes.
 */
export class DuplicateRequests1764600075001 implements MigrationInterface {
  name = 'DuplicateRequests1764600075001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests
      ADD COLUMN identity_keys text[] NOT NULL DEFAULT '{}',
      ADD COLUMN duplicate_of uuid REFERENCES rights_requests (id)`);
    await q.query(`UPDATE rights_requests SET identity_keys = ARRAY['e:' || lower(btrim(requester_email))] WHERE requester_email IS NOT NULL AND btrim(requester_email) <> ''`);
    await q.query(`CREATE INDEX rights_requests_identity_keys ON rights_requests USING gin (identity_keys)`);
    await q.query(`CREATE INDEX rights_requests_duplicate_of ON rights_requests (tenant_id, duplicate_of) WHERE duplicate_of IS NOT NULL`);
    await q.query(`ALTER TABLE rights_requests DROP CONSTRAINT rights_requests_state_check,
      ADD CONSTRAINT rights_requests_state_check CHECK (state IN ('received', 'awaiting-identity', 'in-progress', 'extended', 'completed', 'refused', 'withdrawn', 'merged'))`);
    await q.query(`ALTER TABLE rights_requests DROP CONSTRAINT rights_requests_refusal_ground,
      ADD CONSTRAINT rights_requests_refusal_ground CHECK (refusal_ground IS NULL OR refusal_ground IN
        ('manifestly-unfounded', 'excessive', 'repeated', 'identity-not-established', 'no-data', 'legal-exemption'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests DROP CONSTRAINT rights_requests_refusal_ground,
      ADD CONSTRAINT rights_requests_refusal_ground CHECK (refusal_ground IS NULL OR refusal_ground IN
        ('manifestly-unfounded', 'excessive', 'identity-not-established', 'no-data', 'legal-exemption'))`);
    await q.query(`ALTER TABLE rights_requests DROP CONSTRAINT rights_requests_state_check,
      ADD CONSTRAINT rights_requests_state_check CHECK (state IN ('received', 'awaiting-identity', 'in-progress', 'extended', 'completed', 'refused', 'withdrawn'))`);
    await q.query(`DROP INDEX IF EXISTS rights_requests_duplicate_of`);
    await q.query(`DROP INDEX IF EXISTS rights_requests_identity_keys`);
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS duplicate_of, DROP COLUMN IF EXISTS identity_keys`);
  }
}
