/**
 * SLA sweep cost by what is due, not by what exists (issue 16 §3): one tenant
 * with 10,000 and then 1,000,000 open requests, of which a few hundred have a
 * notice due each time. Times one real sweep (SlaService.sweep: the indexed
 * read of `next_notice_at`, then one transaction per due request that sends
 * its reminder, records it and stores the next notice) at each size and
 * prints both figures and their ratio, beside plain SQL measured in the same
 * run: the sweep's indexed SELECT alone, and the read of every open request
 * that the sweep did before `next_notice_at` existed.
 *
 * Run with `npm run bench -- sla` (scripts/bench.js provides the services).
 * BENCH_SLA_SMALL, BENCH_SLA_LARGE and BENCH_SLA_DUE change the sizes.
 */
import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AuditModule } from '@regula/audit';
import { ConfigModule, DatabaseModule, QueuesModule, RedisModule, WorkerConfig, loadWorkerConfig } from '@regula/platform';
import { DAY_MS, SLA_SWEEP_BATCH, SlaModule, SlaService } from '@regula/sla';
import { REGULA_SCHEMA } from '../apps/schema';
import { insertOpenRequests } from '../test/support/bulk-requests';

const SMALL = Number(process.env.BENCH_SLA_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_SLA_LARGE ?? 1_000_000);
const DUE = Number(process.env.BENCH_SLA_DUE ?? 300);

@Module({})
class BenchModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: BenchModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(REGULA_SCHEMA), RedisModule, AuditModule, QueuesModule, SlaModule],
    };
  }
}

const fmt = (n: number) => n.toLocaleString('en');
const ms = (t: number) => `${t.toFixed(1)} ms`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const out = await work();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

interface Figures {
  open: number;
  sweep: number;
  read: number;
  sent: number;
  select: number;
  readAll: number;
}

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const owner = new Client({ connectionString: config.DATABASE_URL });
  await owner.connect();
  const [{ id: tenantId }] = (await owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`)).rows;
  const app = await NestFactory.createApplicationContext(BenchModule.forRoot(config), { logger: ['error'] });
  await app.init();
  const sla = app.get(SlaService);
  const now = new Date();
  let numbered = 0;

  /** Adds `notDue` open requests whose next notice is weeks away and DUE whose 14-day reminder is due now (the same instant each time). */
  async function fill(notDue: number): Promise<void> {
    const t0 = Date.now();
    await insertOpenRequests(owner, tenantId, { count: notDue, first: numbered + 1, dueFrom: new Date(now.getTime() + 20 * DAY_MS), spreadDays: 300, next: 'reminder-14' });
    numbered += notDue;
    await insertOpenRequests(owner, tenantId, { count: DUE, first: numbered + 1, dueFrom: new Date(now.getTime() + 10 * DAY_MS), next: 'reminder-14' });
    numbered += DUE;
    await owner.query(`VACUUM ANALYZE rights_requests`);
    console.log(`  ${fmt(numbered)} open requests (${fmt(DUE)} with a notice due) written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  async function measure(): Promise<Figures> {
    // Plain SQL, before the sweep moves the due requests on: the sweep's indexed SELECT alone, and the read of every open request.
    const [selected, select] = await timed(() =>
      owner.query(
        `SELECT id FROM rights_requests WHERE tenant_id = $1 AND next_notice_at <= $2 AND NOT (id = ANY($3::uuid[])) ORDER BY next_notice_at LIMIT ${SLA_SWEEP_BATCH}`,
        [tenantId, now, []],
      ),
    );
    const [all, readAll] = await timed(() =>
      // Scanned in the database only (a count): the rows themselves, carried to the worker, cost more still.
      owner.query(`SELECT count(*)::int AS n, max(due_at) FROM rights_requests WHERE tenant_id = $1 AND state IN ('received', 'awaiting-identity', 'in-progress', 'extended')`, [tenantId]),
    );
    const [result, sweep] = await timed(() => sla.sweep(now));
    if (result.sent !== DUE || result.read !== DUE || selected.rowCount !== DUE) {
      throw new Error(`expected ${DUE} due requests read and sent; the SELECT found ${selected.rowCount}, the sweep read ${result.read} and sent ${result.sent}`);
    }
    const [{ n: left }] = (await owner.query(`SELECT count(*)::int AS n FROM rights_requests WHERE tenant_id = $1 AND next_notice_at <= $2`, [tenantId, now])).rows;
    if (left !== 0) throw new Error(`${left} requests still due after the sweep`);
    const f = { open: all.rows[0].n as number, sweep, read: result.read, sent: result.sent, select, readAll };
    console.log(`  sweep: ${ms(f.sweep)} (read ${fmt(f.read)}, sent ${fmt(f.sent)}); indexed SELECT alone ${ms(f.select)}; scanning every open request (the read before next_notice_at) ${ms(f.readAll)}`);
    return f;
  }

  console.log(`SLA sweep bench: ${fmt(SMALL)} then ${fmt(LARGE)} open requests, ${fmt(DUE)} due each time`);
  // Warm-up (not timed): a first sweep of a few due requests, so the first figure is not the cold start's.
  await insertOpenRequests(owner, tenantId, { count: 50, first: 1, dueFrom: new Date(now.getTime() + 10 * DAY_MS), next: 'reminder-14' });
  numbered = 50;
  await sla.sweep(now);
  await fill(SMALL - DUE - 50);
  const small = await measure();
  await fill(LARGE - SMALL - DUE);
  const large = await measure();
  await app.close();
  await owner.end();

  const row = (label: string, a: number, b: number) => console.log(`  ${label.padEnd(44)} ${ms(a).padStart(12)} ${ms(b).padStart(12)} ${(b / a).toFixed(2).padStart(8)}x`);
  console.log(`  ${''.padEnd(44)} ${fmt(small.open).padStart(12)} ${fmt(large.open).padStart(12)}    ratio`);
  row('sweep (SlaService.sweep)', small.sweep, large.sweep);
  row('plain SQL: the indexed SELECT alone', small.select, large.select);
  row('plain SQL: scan every open request (before)', small.readAll, large.readAll);
  console.log(`  sweep / indexed SELECT: ${(small.sweep / small.select).toFixed(0)}x at ${fmt(small.open)}, ${(large.sweep / large.select).toFixed(0)}x at ${fmt(large.open)} (the sweep also sends ${fmt(DUE)} notices, one transaction each)`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`SLA sweep bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
