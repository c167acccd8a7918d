import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a register was retired (issue 17 §2): the reason a compliance admin gives
 * in the dashboard, shown on the register's page; null for a register retired by
 * `tenants sync` (its definition no longer lists it) and for every active one.
 */
export class RegisterRetiredReason1764600071000 implements MigrationInterface {
  name = 'RegisterRetiredReason1764600071000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registers ADD COLUMN retired_reason text CHECK (retired_reason IS NULL OR length(retired_reason) <= 2000)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registers DROP COLUMN retired_reason`);
  }
}
