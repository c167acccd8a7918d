import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reply documents a compliance admin uploads to a rights request, kept as
 * request artifacts of kind `reply` (same table, same row-level security):
 * - several replies per request: the one-file-per-kind rule stays for the
 *   files fulfilment produces (a partial unique index instead of UNIQUE);
 * - `note`: the admin's words shown to the subject with the download.
 */
export class RequestReplies1764200000000 implements MigrationInterface {
  name = 'RequestReplies1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE request_artifacts DROP CONSTRAINT IF EXISTS request_artifacts_request_id_kind_key`);
    await q.query(`CREATE UNIQUE INDEX request_artifacts_one_per_kind ON request_artifacts (request_id, kind) WHERE kind <> 'reply'`);
    await q.query(`ALTER TABLE request_artifacts ADD COLUMN note text CHECK (note IS NULL OR char_length(note) <= 2000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM request_artifacts WHERE kind = 'reply'`);
    await q.query(`ALTER TABLE request_artifacts DROP COLUMN IF EXISTS note`);
    await q.query(`DROP INDEX IF EXISTS request_artifacts_one_per_kind`);
    await q.query(`ALTER TABLE request_artifacts ADD CONSTRAINT request_artifacts_request_id_kind_key UNIQUE (request_id, kind)`);
  }
}
