import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `rights_requests.imported_sha256`: a request of the past brought in from a
 * file (the requests list's CSV export, `history/`), marked with the file's
 * SHA-256 so it stays distinguishable from a request Regula received itself.
 * Null for every other request. An imported request holds no contact of the
 * requester (no personal data beyond what the file states), so the contact
 * check spares it.
 */
export class ImportedRequests1764600078000 implements MigrationInterface {
  name = 'ImportedRequests1764600078000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests ADD COLUMN imported_sha256 char(64)`);
    await q.query(`ALTER TABLE rights_requests DROP CONSTRAINT rights_requests_contact`);
    await q.query(`ALTER TABLE rights_requests ADD CONSTRAINT rights_requests_contact
      CHECK (imported_sha256 IS NOT NULL OR requester_email IS NOT NULL OR requester_address IS NOT NULL OR requester_phone IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rights_requests WHERE imported_sha256 IS NOT NULL`);
    await q.query(`ALTER TABLE rights_requests DROP CONSTRAINT rights_requests_contact`);
    await q.query(`ALTER TABLE rights_requests ADD CONSTRAINT rights_requests_contact CHECK (requester_email IS NOT NULL OR requester_address IS NOT NULL OR requester_phone IS NOT NULL)`);
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS imported_sha256`);
  }
}
