import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `rights_requests.imported_sha256`: a request of the past brought in from a
 * file (the requests list's CSV export, `history/`), marked with the file's
 * SHA-256 so it stays distinguishable from a request Regula received itself.
 * Null for every other request.
 */
export class ImportedRequests1764600078000 implements MigrationInterface {
  name = 'ImportedRequests1764600078000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests ADD COLUMN imported_sha256 char(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS imported_sha256`);
  }
}
