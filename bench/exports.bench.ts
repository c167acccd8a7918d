/**
 * Export times for a controller with 1,000 registers (BENCH_REGISTERS): the
 * Art. 30 record as XLSX, PDF and JSON, and the evidence pack of the last
 * week. The registers are clones of a real tenant's (Inomedis, 7 registers)
 * with new ids, written with TenantSyncService like `regula tenants sync`.
 * Each export's time is given as a multiple of the XLSX's in the same run
 * (issue 16's aims: the record PDF within 5 times, the pack within 20), and
 * beside the same export for the real tenant, measured in the same run and
 * scaled per register ("linear": near 1 means it grows linearly).
 *
 * PDFs are rendered by the PDF worker threads (EXPORT_PDF_WORKERS, default 2);
 * "loop max" is the longest the main thread's event loop was held during the
 * bench export (what an HTTP request arriving then would wait at least).
 *
 * Run with `npm run bench -- exports` (scripts/bench.js provides the services).
 */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ControllerDefinition, Register } from '@regula/engine';
import { addLocalDays, formatLocalDate, localDateOf } from '@regula/engine';
import { AuditModule, AuditService } from '@regula/audit';
import { ExportStream, ExportsModule, ExportsService, PdfWorkers } from '@regula/exports';
import { ApiConfig, ConfigModule, DatabaseModule, QueuesModule, RedisModule, loadApiConfig, openDataSource } from '@regula/platform';
import { RegistersModule, TenantSyncService } from '@regula/registers';
import { TenantsService } from '@regula/tenancy';
import { findTenant } from '@regula/tenants';
import { REGULA_SCHEMA } from '../apps/schema';
import { packWords } from '../apps/api/src/exports/pack-words';

const REGISTERS = Number(process.env.BENCH_REGISTERS ?? 1000);
const SOURCE = 'inomedis';
/** The aims of issue 16: the record PDF within 5 times the XLSX's time and under 300 MB, the pack within 20 times. */
const PDF_AIM = 5;
const PACK_AIM = 20;
const PDF_RSS_AIM_MB = 300;

@Module({})
class BenchModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: BenchModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(REGULA_SCHEMA), RedisModule, QueuesModule, AuditModule, RegistersModule, ExportsModule],
    };
  }
}

/** The source tenant's registers cloned to `n`, each with a new id and a numbered name. */
function synthetic(source: ControllerDefinition, n: number): ControllerDefinition {
  const registers: Register[] = Array.from({ length: n }, (_, i) => {
    const r = structuredClone(source.registers[i % source.registers.length]);
    r.id = `${r.id}-${String(i + 1).padStart(4, '0')}`;
    r.name = Object.fromEntries(Object.entries(r.name).map(([lang, text]) => [lang, `${text} ${i + 1}`])) as Register['name'];
    return r;
  });
  const copy = structuredClone(source);
  // The registers the policy-change e-mails use are cloned too: each clone of one stands for it.
  const cloneIds = (key: string) => registers.filter((r, i) => source.registers[i % source.registers.length].id === key).map((r) => r.id);
  const accountRegisters = copy.policyChanges.accountRegisters?.flatMap(cloneIds);
  return { ...copy, slug: 'bench-exports', legalName: `${source.legalName} (bench, ${n} registers)`, registers, policyChanges: { ...copy.policyChanges, accountRegisters } };
}

/** Reads a streamed export to its end like a client would (discarding it) and waits for its audit entry. */
async function drain(pack: ExportStream): Promise<number> {
  let bytes = 0;
  for await (const chunk of pack.stream) bytes += (chunk as Buffer).length;
  if ((await pack.done) !== 'created') throw new Error(`${pack.fileName} was not completed`);
  return bytes;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const config = loadApiConfig();
  const source = findTenant(SOURCE)!;
  const owner = await openDataSource(config.DATABASE_URL, REGULA_SCHEMA, 2, 'regula-bench-owner');
  const syncStart = Date.now();
  const def = synthetic(source, REGISTERS);
  await owner.transaction((em) => new TenantSyncService(new AuditService()).sync(em, def, 'bench'));
  console.log(`exports bench: ${REGISTERS.toLocaleString('en')} registers cloned from ${SOURCE} (${source.registers.length}), synced in ${s(Date.now() - syncStart)}`);
  await owner.destroy();

  const app = await NestFactory.createApplicationContext(BenchModule.forRoot(config), { logger: ['error', 'warn'] });
  await app.init();
  const exports = app.get(ExportsService);
  const tenants = app.get(TenantsService);
  const actor = { userId: null, label: 'bench' };
  const zone = source.jurisdiction.timeZone;
  const to = formatLocalDate(localDateOf(new Date(), zone));
  const from = formatLocalDate(addLocalDays(localDateOf(new Date(), zone), -7));

  const size = (f: { body: Buffer }) => f.body.length;
  // The XLSX first: the other figures are given as multiples of its time in this run.
  // The record PDF before the pack, so that its RSS peak is its own.
  const runs: [string, (tenantId: string) => Promise<number>, number | undefined][] = [
    ['record.xlsx', (t) => exports.record(t, 'xlsx', {}, actor).then(size), undefined],
    ['record.pdf', (t) => exports.record(t, 'pdf', {}, actor).then(size), PDF_AIM],
    ['evidence-pack.zip', (t) => exports.evidencePack(t, { from, to }, actor, packWords).then(drain), PACK_AIM],
    ['record.json', (t) => exports.record(t, 'json', {}, actor).then(size), undefined],
  ];
  const real = (await tenants.findBySlug(SOURCE))!.id;
  const big = (await tenants.findBySlug(def.slug))!.id;
  const perRegister = REGISTERS / source.registers.length;
  console.log(`  PDF worker threads: ${app.get(PdfWorkers).size}`);
  console.log(`  export              ${SOURCE} (${source.registers.length})     bench (${REGISTERS})   ÷ xlsx (aim)   linear   size (bench)   RSS before → peak (growth)        CPU (bench)   CPU ÷ xlsx   loop max`);
  let xlsxMs = 0;
  let xlsxCpu = 0;
  for (const [name, run, aim] of runs) {
    await run(real); // warm-up (fonts, templates, JIT, the PDF workers)
    let t0 = Date.now();
    await run(real);
    const baseMs = Date.now() - t0;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    t0 = Date.now();
    const cpu0 = process.cpuUsage();
    const bytes = await run(big);
    const bigMs = Date.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    loop.disable();
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (name === 'record.xlsx') [xlsxMs, xlsxCpu] = [bigMs, cpuMs];
    const scaled = baseMs * perRegister;
    const ratio = `${(bigMs / Math.max(xlsxMs, 1)).toFixed(1)}${aim ? ` (≤${aim})` : ''}`;
    console.log(
      `  ${name.padEnd(18)}  ${s(baseMs).padStart(9)}  ${s(bigMs).padStart(14)}  ${ratio.padStart(12)}  ${(bigMs / Math.max(scaled, 1)).toFixed(2).padStart(7)}  ${mb(bytes).padStart(12)}  ${`${mb(before)} → ${mb(peak)} (+${mb(peak - before)})`.padStart(33)}  ${s(cpuMs).padStart(10)}  ${(cpuMs / Math.max(xlsxCpu, 1)).toFixed(1).padStart(10)}  ${s(loop.max / 1e6).padStart(9)}`,
    );
  }
  console.log(`  ÷ xlsx: bench time / record.xlsx bench time in this run (aims: record PDF ≤ ${PDF_AIM}, pack ≤ ${PACK_AIM}; record PDF RSS peak < ${PDF_RSS_AIM_MB} MB)`);
  console.log('  linear: bench time / (baseline time x registers ratio); near or below 1 means the export grows linearly (or per-document fixed costs dominate the baseline)');
  console.log('  RSS: the whole process (main thread and PDF workers), sampled every 20 ms on the main thread during the bench export');
  console.log(`  CPU: user + system time of the process (all threads) for the bench export, less sensitive than the wall time to other load; CPU ÷ xlsx the same ratio on it (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs at the end)`);
  await app.close();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`exports bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
