import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocation and the forced password change of staff accounts:
 * - `tokens_valid_after`: access tokens issued before it are refused (set by
 *   a password change and by signing out everywhere; single sign-outs use a
 *   denylist of token ids in Redis instead);
 * - `must_change_password`: set on accounts created by an invite with a
 *   one-time password, cleared by the first password change.
 */
export class SignInRevocation1764260000000 implements MigrationInterface {
  name = 'SignInRevocation1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN tokens_valid_after timestamptz`);
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS must_change_password`);
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS tokens_valid_after`);
  }
}
