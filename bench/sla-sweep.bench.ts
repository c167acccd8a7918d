/**
 * SLA sweep cost by what is due, not by what exists (issue 16 §3): one tenant
 * with 10,000 and then 1,000,000 open requests, of which 300 have a notice
 * due at each size, in three rounds of 100 (three timed sweeps, the median printed). Times one real sweep (SlaService.sweep: the indexed
 * read of `next_notice_at`, then one transaction per due request that sends
 * its reminder, records it and stores the next notice) at each size and
 * prints both figures and their ratio, beside plain SQL measured in the same
 * run: the sweep's indexed SELECT alone, and the read of every open request
 * that the sweep did before `next_notice_at` existed.
 *
 * Run with `npm run bench -- sla` (scripts/bench.js provides the services).
 * BENCH_SLA_SMALL, BENCH_SLA_LARGE and BENCH_SLA_DUE (per round) change the sizes.
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
/** Requests with a notice due per timed sweep; each size is timed over ROUNDS sweeps (the median is printed). */
const DUE = Number(process.env.BENCH_SLA_DUE ?? 100);
const ROUNDS = 3;

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
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = process.hrtime.bigint();
  const out = await work();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

interface Figures {
  open: number;
  sweep: number;
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
  let round = 0;

  /** Due 10 days (plus `round` minutes) from now: its 14-day reminder is due at `dueNow(round)`, the next round's a minute later. */
  const dueOf = (r: number) => new Date(now.getTime() + 10 * DAY_MS + r * 60_000);
  const sweepAt = (r: number) => new Date(dueOf(r).getTime() + 1 - 15 * DAY_MS + 30_000);

  async function add(count: number, dueFrom: Date, spreadDays = 1): Promise<void> {
    await insertOpenRequests(owner, tenantId, { count, first: numbered + 1, dueFrom, spreadDays, next: 'reminder-14' });
    numbered += count;
  }

  /** Adds open requests up to `total`: ROUNDS x DUE whose 14-day reminder comes in the next rounds, the rest weeks away. */
  async function fill(total: number): Promise<void> {
    const t0 = Date.now();
    for (let r = round; r < round + ROUNDS; r++) await add(DUE, dueOf(r));
    await add(total - numbered, new Date(now.getTime() + 20 * DAY_MS), 300);
    await owner.query(`VACUUM ANALYZE rights_requests`);
    console.log(`  ${fmt(numbered)} open requests written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  /** One sweep per round, each with DUE requests due: the median of each figure. */
  async function measure(): Promise<Figures> {
    const sweeps: number[] = [];
    const selects: number[] = [];
    const scans: number[] = [];
    let open = 0;
    for (let i = 0; i < ROUNDS; i++, round++) {
      const at = sweepAt(round);
      // Plain SQL, before the sweep moves the due requests on: the sweep's indexed SELECT alone, and the scan of every open request.
      const [selected, select] = await timed(() =>
        owner.query(
          `SELECT id FROM rights_requests WHERE tenant_id = $1 AND next_notice_at <= $2 AND NOT (id = ANY($3::uuid[])) ORDER BY next_notice_at LIMIT ${SLA_SWEEP_BATCH}`,
          [tenantId, at, []],
        ),
      );
      const [all, scan] = await timed(() =>
        // Scanned in the database only (a count): carrying the rows to the worker, as the sweep did, costs more still.
        owner.query(`SELECT count(*)::int AS n, max(due_at) FROM rights_requests WHERE tenant_id = $1 AND state IN ('received', 'awaiting-identity', 'in-progress', 'extended')`, [tenantId]),
      );
      const [result, sweep] = await timed(() => sla.sweep(at));
      if (result.sent !== DUE || result.read !== DUE || selected.rowCount !== DUE) {
        throw new Error(`expected ${DUE} due requests read and sent; the SELECT found ${selected.rowCount}, the sweep read ${result.read} and sent ${result.sent}`);
      }
      open = all.rows[0].n;
      sweeps.push(sweep);
      selects.push(select);
      scans.push(scan);
    }
    const f = { open, sweep: median(sweeps), select: median(selects), readAll: median(scans) };
    console.log(`  ${fmt(f.open)} open: sweeps of ${fmt(DUE)} due ${sweeps.map(ms).join(', ')}; indexed SELECT ${selects.map(ms).join(', ')}; scan of every open request ${scans.map(ms).join(', ')}`);
    return f;
  }

  console.log(`SLA sweep bench: ${fmt(SMALL)} then ${fmt(LARGE)} open requests; ${ROUNDS} sweeps at each size, each with ${fmt(DUE)} requests due`);
  // Warm-up (not timed): a first sweep of a few due requests, so the first figure is not the cold start's.
  await add(20, new Date(now.getTime() + 10 * DAY_MS - DAY_MS));
  await sla.sweep(now);
  await fill(SMALL);
  const small = await measure();
  await fill(LARGE);
  const large = await measure();
  await app.close();
  await owner.end();

  const row = (label: string, a: number, b: number) => console.log(`  ${label.padEnd(44)} ${ms(a).padStart(12)} ${ms(b).padStart(12)} ${(b / a).toFixed(2).padStart(8)}x`);
  console.log(`  medians                                      ${fmt(small.open).padStart(12)} ${fmt(large.open).padStart(12)}    ratio`);
  row(`sweep (SlaService.sweep, ${fmt(DUE)} due)`, small.sweep, large.sweep);
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
