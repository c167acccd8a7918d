import { Body, Controller, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';

/**
 * The floor under a filing: a bare NestJS endpoint whose one transaction
 * writes what a filing writes, in plain SQL over a pg pool of the API's size:
 * the request, its two timeline events, the identity stop, its two e-mails
 * (bodies of a real e-mail's size) and its two audit entries, BEGIN to
 * COMMIT, one statement each, in tables of their own. What Regula adds over
 * this (validation, limits, deadlines, templates, the ORM, the chain's lock
 * and hashes) is the difference between the two rows of the bench.
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS plain_requests (id uuid PRIMARY KEY, tenant_id uuid NOT NULL, reference text NOT NULL, state text NOT NULL, email text, name text, details jsonb, received_at timestamptz, due_at timestamptz, UNIQUE (tenant_id, reference));
CREATE TABLE IF NOT EXISTS plain_events (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), request_id uuid NOT NULL, at timestamptz, kind text, note text, data jsonb);
CREATE TABLE IF NOT EXISTS plain_stops (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), request_id uuid NOT NULL, from_at timestamptz, reason text);
CREATE TABLE IF NOT EXISTS plain_emails (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), request_id uuid NOT NULL, to_address text, subject text, body_text text, body_html text);
CREATE TABLE IF NOT EXISTS plain_audit (tenant_id uuid NOT NULL, seq bigserial, at timestamptz, action text, details jsonb, hash text, PRIMARY KEY (tenant_id, seq));`;

const TEXT = 'x'.repeat(1_500);
const HTML = 'x'.repeat(6_000);

export async function plainFilingApp(databaseUrl: string, poolSize: number): Promise<{ app: INestApplication; statements: number }> {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize });
  await pool.query(TABLES);
  const tenantId = randomUUID();

  @Controller()
  class PlainFilingController {
    @Post('plain-file')
    async file(@Body() body: Record<string, string>): Promise<string> {
      const id = randomUUID();
      const now = new Date();
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(`INSERT INTO plain_requests VALUES ($1, $2, $3, 'awaiting-identity', $4, $5, '{}', $6, $6)`, [id, tenantId, id.slice(0, 11), body.email, body.name, now]);
        await c.query(`INSERT INTO plain_events (request_id, at, kind, note, data) VALUES ($1, $2, 'received', 'Request received', '{}'), ($1, $2, 'transition', 'Waiting', '{}')`, [id, now]);
        await c.query(`INSERT INTO plain_stops (request_id, from_at, reason) VALUES ($1, $2, 'waiting for the e-mail code')`, [id, now]);
        await c.query(`INSERT INTO plain_emails (request_id, to_address, subject, body_text, body_html) VALUES ($1, $2, 'Received', $3, $4), ($1, $2, 'Your code', $3, $4)`, [id, body.email, TEXT, HTML]);
        await c.query(`INSERT INTO plain_audit (tenant_id, at, action, details, hash) VALUES ($1, $2, 'request.received', '{}', md5($3)), ($1, $2, 'request.awaiting-identity', '{}', md5($3 || '2'))`, [tenantId, now, id]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      } finally {
        c.release();
      }
      return 'filed';
    }
  }

  @Module({ controllers: [PlainFilingController] })
  class PlainFilingModule {}

  const app = await NestFactory.create(PlainFilingModule, { logger: false });
  app.enableShutdownHooks();
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    await pool.end();
  };
  return { app, statements: 7 };
}
