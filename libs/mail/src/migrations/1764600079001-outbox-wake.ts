import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A web filing's e-mails (rows to be rendered by the worker, `render_input`)
 * get no job from the filing: the insert notifies `regula_outbox` with
 * `tenant:id` pairs, delivered when it commits, and the worker's listener
 * queues them (libs/mail OutboxWakeListener). At most 100 e-mails a
 * notification (a payload stays far under PostgreSQL's 8000 bytes).
 */
export class OutboxWake1764600079001 implements MigrationInterface {
  name = 'OutboxWake1764600079001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION regula_outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE payload text;
      BEGIN
        FOR payload IN
          SELECT string_agg(coalesce(tenant_id::text, '') || ':' || id::text, ',')
            FROM (SELECT tenant_id, id, (row_number() OVER () - 1) / 100 AS chunk
                    FROM wake_rows WHERE status = 'pending' AND render_input IS NOT NULL) r
           GROUP BY chunk
        LOOP
          PERFORM pg_notify('regula_outbox', payload);
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER outbox_emails_wake AFTER INSERT ON outbox_emails
      REFERENCING NEW TABLE AS wake_rows FOR EACH STATEMENT EXECUTE FUNCTION regula_outbox_wake()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_emails_wake ON outbox_emails`);
    await q.query(`DROP FUNCTION regula_outbox_wake()`);
  }
}
