import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `rights_requests.next_notice_at`: when the request's next SLA notice
 * (libs/sla) is due, so that the SLA sweep reads only the requests with a
 * notice due (`next_notice_at <= now`, on the partial index) instead of every
 * open request. Null: nothing planned (closed, or the clock stands still
 * without a withdrawal limit). `-infinity`: to plan again, set in the
 * transaction of every change that may move the plan (the next sweep, or the
 * scheduler after the commit, replaces it by the exact instant). New rows
 * start at `-infinity`, and the open requests of an existing database too:
 * the first sweep plans them once.
 */
export class NextNotice1764600016001 implements MigrationInterface {
  name = 'NextNotice1764600016001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rights_requests ADD COLUMN next_notice_at timestamptz DEFAULT '-infinity'`);
    await q.query(`UPDATE rights_requests SET next_notice_at = NULL WHERE state NOT IN ('received', 'awaiting-identity', 'in-progress', 'extended')`);
    await q.query(`CREATE INDEX rights_requests_next_notice ON rights_requests (tenant_id, next_notice_at) WHERE next_notice_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rights_requests_next_notice`);
    await q.query(`ALTER TABLE rights_requests DROP COLUMN IF EXISTS next_notice_at`);
  }
}
