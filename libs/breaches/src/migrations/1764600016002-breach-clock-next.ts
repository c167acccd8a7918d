import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `breaches.clock_next_at`: when the breach sweep must next look at a
 * breach's 72-hour clock (breach-clock.ts `nextClockAt`, written with every
 * save), so that the sweep reads the breaches with a step due on a partial
 * index instead of every breach whose clock runs. `-infinity` (the default,
 * and what the breaches whose clock runs get here): to plan again, the next
 * sweep stores the exact instant. Null: nothing more (the clock stopped, or
 * the deadline-passed step was sent).
 */
export class BreachClockNext1764600016002 implements MigrationInterface {
  name = 'BreachClockNext1764600016002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE breaches ADD COLUMN clock_next_at timestamptz DEFAULT '-infinity'`);
    await q.query(`UPDATE breaches SET clock_next_at = NULL WHERE risk = 'no-risk' OR authority_notified_at IS NOT NULL OR closed_at IS NOT NULL`);
    await q.query(`CREATE INDEX breaches_clock_next ON breaches (tenant_id, clock_next_at) WHERE clock_next_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS breaches_clock_next`);
    await q.query(`ALTER TABLE breaches DROP COLUMN IF EXISTS clock_next_at`);
  }
}
