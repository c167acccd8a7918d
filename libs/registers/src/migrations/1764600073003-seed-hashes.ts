import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What `tenants sync` last wrote from the definition files (tenants/): the
 * content hash of each register and of the controller's facts as the file
 * stated them. A sync applies a file's register or facts only when the file
 * changed since (its hash differs), so what a compliance admin changed in the
 * dashboard (a register by form, retired, imported; the facts form) is not
 * undone by the next start. Null: not from a file (created in the dashboard).
 * Rows from before are taken as last written by the sync: their current hashes.
 */
export class SeedHashes1764600073003 implements MigrationInterface {
  name = 'SeedHashes1764600073003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registers ADD COLUMN seed_hash text`);
    await q.query(`ALTER TABLE tenants ADD COLUMN seed_hash text`);
    await q.query(`UPDATE registers r SET seed_hash = v.content_hash FROM register_versions v WHERE v.register_id = r.id AND v.is_current`);
    await q.query(`UPDATE tenants SET seed_hash = definition_hash`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registers DROP COLUMN IF EXISTS seed_hash`);
    await q.query(`ALTER TABLE tenants DROP COLUMN IF EXISTS seed_hash`);
  }
}
