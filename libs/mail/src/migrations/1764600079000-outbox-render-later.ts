import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An e-mail of a web filing is rendered by the worker that sends it, not on
 * the filing's path (issue 16 §2): its row holds what it is rendered from
 * (`render_input`: branding, template, language, data) until the worker
 * writes the subject and bodies. A row has one or the other.
 */
export class OutboxRenderLater1764600079000 implements MigrationInterface {
  name = 'OutboxRenderLater1764600079000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_emails
      ADD COLUMN render_input jsonb,
      ALTER COLUMN subject DROP NOT NULL,
      ALTER COLUMN body_text DROP NOT NULL,
      ALTER COLUMN body_html DROP NOT NULL,
      ADD CONSTRAINT outbox_emails_rendered_or_input
        CHECK ((subject IS NOT NULL AND body_text IS NOT NULL AND body_html IS NOT NULL) OR render_input IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM outbox_emails WHERE subject IS NULL`);
    await q.query(`ALTER TABLE outbox_emails
      DROP CONSTRAINT outbox_emails_rendered_or_input,
      DROP COLUMN render_input,
      ALTER COLUMN subject SET NOT NULL,
      ALTER COLUMN body_text SET NOT NULL,
      ALTER COLUMN body_html SET NOT NULL`);
  }
}
