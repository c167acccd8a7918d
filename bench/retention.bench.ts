/**
 * Retention sweep throughput: BENCH_RECORDS records of one tenant (1,000,000 by
 * default), BENCH_DUE of them due (200,000), batches of BENCH_BATCH (1000). The
 * real sweep (RetentionSweepService: one transaction and one statement per batch:
 * FOR UPDATE SKIP LOCKED, DELETE, the records' keyed hashes, run counts, webhook
 * outbox rows) against, on regenerated copies of the same data in the same run,
 * plain batched SQL DELETEs (the baseline) and plain batched tombstoning UPDATEs
 * (what the sweep did before it deleted). Prints the rates, their ratios, and the
 * process's peak RSS during the sweep (sampled every 20 ms).
 *
 * Run with `npm run bench` (scripts/bench.js provides the services).
 */
import 'reflect-metadata';
import { loadavg } from 'node:os';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import type { ControllerDefinition, Register } from '@regula/engine';
import { AuditModule } from '@regula/audit';
import { ConfigModule, DatabaseModule, QueuesModule, RedisModule, WorkerConfig, loadWorkerConfig } from '@regula/platform';
import { RegistersModule } from '@regula/registers';
import { RetentionModule, RetentionSweepService, retentionRulesHash } from '@regula/retention';
import { REGULA_SCHEMA } from '../apps/schema';

const TOTAL = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const DUE = Number(process.env.BENCH_DUE ?? 200_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 1000);
const SUBJECTS = 20_000;

@Module({})
class BenchModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: BenchModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(REGULA_SCHEMA), RedisModule, AuditModule, RegistersModule, QueuesModule, RetentionModule],
    };
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);

async function generate(owner: Client, tenantId: string, systemId: string, subjectIds: string[]): Promise<number> {
  const t0 = Date.now();
  await owner.query(`DELETE FROM personal_data_records WHERE tenant_id = $1`, [tenantId]);
  // Every (TOTAL/DUE)-th record is due (interleaved, not a contiguous block).
  await owner.query(
    `INSERT INTO personal_data_records (tenant_id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, retention_due_at)
     SELECT $1, ($2::uuid[])[1 + (g % $6)], $3, 'bench-' || g, 'website', 'login-information',
            jsonb_build_object('ip', '10.' || (g % 250) || '.' || (g % 199) || '.1', 'agent', 'Mozilla/5.0 bench ' || g),
            CASE WHEN g % $5 = 0 THEN now() - interval '2 years' ELSE now() - interval '1 month' END,
            CASE WHEN g % $5 = 0 THEN now() - interval '1 year' - (g % 1000) * interval '1 minute' ELSE now() + interval '11 months' + (g % 1000) * interval '1 minute' END
       FROM generate_series(1, $4) g`,
    [tenantId, subjectIds, systemId, TOTAL, Math.round(TOTAL / DUE), subjectIds.length],
  );
  await owner.query(`VACUUM ANALYZE personal_data_records`);
  return Date.now() - t0;
}

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const owner = new Client({ connectionString: config.DATABASE_URL });
  await owner.connect();
  const [tenant] = (await owner.query(`SELECT id, time_zone, definition FROM tenants WHERE slug = 'softera-baltic'`)).rows;
  const tenantId: string = tenant.id;
  const [{ id: systemId }] = (await owner.query(
    `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_secret) VALUES ($1, 'bench', 'k-bench', repeat('0', 64), 'secret') RETURNING id`,
    [tenantId],
  )).rows;
  const subjects: { id: string }[] = (await owner.query(`INSERT INTO data_subjects (tenant_id) SELECT $1 FROM generate_series(1, $2) RETURNING id`, [tenantId, SUBJECTS])).rows;
  const subjectIds = subjects.map((s) => s.id);
  // The due dates are generated (not computed by the engine): mark every register's
  // stored due dates as current, so the sweep does not recompute 1,000,000 records first.
  const regs: { key: string; definition: Register }[] = (await owner.query(
    `SELECT r.key, v.definition FROM registers r JOIN register_versions v ON v.register_id = r.id AND v.is_current WHERE r.tenant_id = $1`,
    [tenantId],
  )).rows;
  const def = tenant.definition as Partial<ControllerDefinition>;
  for (const r of regs) {
    await owner.query(`INSERT INTO retention_register_states (tenant_id, register_key, rules_hash) VALUES ($1, $2, $3)`, [
      tenantId, r.key, retentionRulesHash(r.definition, { timeZone: tenant.time_zone, financialYearEnd: def.financialYearEnd }),
    ]);
  }

  console.log(`retention bench: ${TOTAL.toLocaleString('en')} records, ${DUE.toLocaleString('en')} due, batches of ${BATCH}`);
  const genMs = await generate(owner, tenantId, systemId, subjectIds);
  console.log(`  generated in ${(genMs / 1000).toFixed(1)} s`);

  const app = await NestFactory.createApplicationContext(BenchModule.forRoot(config), { logger: ['error', 'warn'] });
  await app.init();
  const sweeps = app.get(RetentionSweepService);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    samples.push(rss);
  }, 20);
  const { run } = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'bench', batchSize: BATCH });
  const t0 = Date.now();
  let progress = 0;
  const checkpoints: string[] = [];
  const done = await sweeps.sweep(tenantId, run.id, {
    onBatch: (n) => {
      const before = Math.floor((progress * 5) / DUE);
      progress += n;
      if (Math.floor((progress * 5) / DUE) > before) checkpoints.push(`${Math.round((progress * 100) / DUE)}%: ${mb(process.memoryUsage().rss)}`);
    },
  });
  const sweepMs = Date.now() - t0;
  clearInterval(sampler);
  const erased = done.recordsErased + done.recordsAnonymised;
  const [{ left, keys }] = (await owner.query(
    `SELECT (SELECT count(*)::int FROM personal_data_records WHERE tenant_id = $1) AS left, (SELECT count(*)::int FROM erased_record_keys WHERE tenant_id = $1) AS keys`,
    [tenantId],
  )).rows;
  if (erased !== DUE || left !== TOTAL - DUE || keys !== DUE) throw new Error(`the sweep erased ${erased} (rows left: ${left}, keys kept: ${keys}), expected ${DUE}`);
  const q = (p: number) => samples.length ? [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(p * samples.length))] : rssBefore;
  await app.close();

  // The same erasure as plain batched SQL DELETEs on a regenerated copy.
  await owner.query(`DELETE FROM webhook_deliveries WHERE tenant_id = $1`, [tenantId]);
  const gen2Ms = await generate(owner, tenantId, systemId, subjectIds);
  console.log(`  regenerated in ${(gen2Ms / 1000).toFixed(1)} s`);
  const cutoff = new Date();
  const t1 = Date.now();
  let deleted = 0;
  for (;;) {
    const res = await owner.query(
      `DELETE FROM personal_data_records WHERE id IN (
         SELECT id FROM personal_data_records WHERE tenant_id = $1 AND erased_at IS NULL AND retention_due_at IS NOT NULL AND retention_due_at <= $2
          ORDER BY retention_due_at LIMIT $3)`,
      [tenantId, cutoff, BATCH],
    );
    if (!res.rowCount) break;
    deleted += res.rowCount;
  }
  const sqlMs = Date.now() - t1;
  if (deleted !== DUE) throw new Error(`plain SQL deleted ${deleted}, expected ${DUE}`);

  // For reference: the sweep's own erasure (a tombstone: value removed, erased_at set) as plain batched SQL UPDATEs.
  const gen3Ms = await generate(owner, tenantId, systemId, subjectIds);
  console.log(`  regenerated in ${(gen3Ms / 1000).toFixed(1)} s`);
  const t2 = Date.now();
  let updated = 0;
  for (;;) {
    const res = await owner.query(
      `UPDATE personal_data_records SET value = NULL, erased_at = now(), updated_at = now() WHERE id IN (
         SELECT id FROM personal_data_records WHERE tenant_id = $1 AND erased_at IS NULL AND retention_due_at IS NOT NULL AND retention_due_at <= $2
          ORDER BY retention_due_at LIMIT $3)`,
      [tenantId, cutoff, BATCH],
    );
    if (!res.rowCount) break;
    updated += res.rowCount;
  }
  const updMs = Date.now() - t2;
  await owner.end();

  const sweepRate = rate(erased, sweepMs);
  const sqlRate = rate(deleted, sqlMs);
  console.log(`  sweep:      ${erased.toLocaleString('en')} records in ${(sweepMs / 1000).toFixed(2)} s = ${sweepRate.toLocaleString('en')} records/s (${done.batches} batches, webhook rows and run counts included)`);
  console.log(`  plain DELETE: ${deleted.toLocaleString('en')} records in ${(sqlMs / 1000).toFixed(2)} s = ${sqlRate.toLocaleString('en')} records/s (batched DELETE ... WHERE id IN (SELECT ... LIMIT ${BATCH}))`);
  console.log(`  plain UPDATE: ${updated.toLocaleString('en')} records in ${(updMs / 1000).toFixed(2)} s = ${rate(updated, updMs).toLocaleString('en')} records/s (batched tombstoning UPDATE: value removed, erased_at set)`);
  console.log(`  ratio:      ${(sweepRate / sqlRate).toFixed(2)} (sweep / plain DELETE); ${(sweepRate / rate(updated, updMs)).toFixed(2)} (sweep / plain tombstoning UPDATE)`);
  console.log(`  load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (the machine may be shared: compare the ratios)`);
  console.log(`  worker RSS: ${mb(rssBefore)} before the sweep, peak ${mb(peak)}; median ${mb(q(0.5))}, 95th percentile ${mb(q(0.95))} over ${samples.length} samples`);
  console.log(`  RSS during the sweep: ${checkpoints.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`retention bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
