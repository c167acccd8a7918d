import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which secrets an outbox e-mail carries (their kinds and the nonce of their
 * placeholders): the worker mints them when it sends the e-mail; the stored
 * text holds only placeholders (libs/mail/src/secrets).
 */
export class OutboxSecrets1764400000000 implements MigrationInterface {
  name = 'OutboxSecrets1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_emails ADD COLUMN secrets jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_emails DROP COLUMN IF EXISTS secrets`);
  }
}
