import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The free-text pause is gone (only waiting for identity information asked for
 * under GDPR Art. 12(6) stops the clock), and with it the action that ended a
 * pause: a pause still open would stop its request's clock for ever. It ends
 * now; the request's stored due date is the one computed when it was paused
 * (the paused days not added), i.e. never later than the one the subject was
 * told, and the next change of the request recomputes it.
 */
export class CloseFreeTextPauses1764520000002 implements MigrationInterface {
  name = 'CloseFreeTextPauses1764520000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE request_suspensions SET to_at = greatest(now(), from_at) WHERE kind = 'pause' AND to_at IS NULL`);
  }

  async down(): Promise<void> {
    // Nothing to undo: which pauses were open is not recorded, and none may be reopened.
  }
}
