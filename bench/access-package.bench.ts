/**
 * Access packages at size (issue 16 §5): a subject with 10,020 and then
 * 100,020 records across three registers. Times the worker's build
 * (AccessPackageBuilds.run: the frame, the records read register by register in
 * keyset batches, HTML, JSON and CSV written in one pass and stored in chunks,
 * the files, hand-over, outcome and result recorded, the request closed) beside
 * a plain SQL read of the same records in the same batches, measured in the
 * same run, and prints their ratio, the time per record at each size (linear:
 * the same at both), each file's size, and this process's peak RSS during the
 * build (sampled every 20 ms; the process is the worker here).
 *
 * Run with `npm run bench -- access-package` (scripts/bench.js provides the
 * services). BENCH_PACKAGE_SIZES (comma-separated, default "10020,100020")
 * changes the sizes, BENCH_PACKAGE_VALUE_CHARS the length of each record's text.
 */
import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { AuditModule } from '@regula/audit';
import { ConfigModule, DatabaseModule, QueuesModule, RedisModule, WorkerConfig, loadWorkerConfig } from '@regula/platform';
import { RegistersModule } from '@regula/registers';
import { AccessPackageBuilds, FulfilmentModule, PACKAGE_BATCH } from '@regula/requests';
import { TenancyModule } from '@regula/tenancy';
import { REGULA_SCHEMA } from '../apps/schema';
import { insertSubjectRecords } from '../test/support/bulk-records';

const SIZES = (process.env.BENCH_PACKAGE_SIZES ?? '10020,100020').split(',').map(Number).filter((n) => n > 0);
const VALUE_CHARS = Number(process.env.BENCH_PACKAGE_VALUE_CHARS ?? 60);
const SHARES = [
  { register: 'customer-relationship', categories: ['crm-name', 'contact-details', 'correspondence'], part: 0.5 },
  { register: 'portal-accounts', categories: ['account-email', 'account-data'], part: 0.3 },
  { register: 'log-data', categories: ['session-entries', 'sign-in-attempts'], part: 0.2 },
];

@Module({})
class BenchModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: BenchModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(REGULA_SCHEMA), RedisModule, AuditModule, TenancyModule, RegistersModule, QueuesModule, FulfilmentModule],
    };
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A subject with `total` records, an access request in progress, its preview (as the API writes it, generated in SQL) and a build waiting. */
async function arrange(owner: Client, tenantId: string, systemId: string, total: number): Promise<{ subjectId: string; buildId: string }> {
  const [{ id: subjectId }] = (await owner.query(`INSERT INTO data_subjects (tenant_id, display_name, locale) VALUES ($1, 'Bench Subject', 'en') RETURNING id`, [tenantId])).rows;
  const counts = SHARES.map((s) => Math.floor(total * s.part));
  counts[0] += total - counts.reduce((a, b) => a + b, 0);
  await insertSubjectRecords(owner, { tenantId, subjectId, systemId, shares: SHARES.map((s, i) => ({ register: s.register, categories: s.categories, records: counts[i] })), valueChars: VALUE_CHARS });
  await owner.query(`ANALYZE personal_data_records`);
  const [{ id: requestId }] = (await owner.query(
    `INSERT INTO rights_requests (tenant_id, reference, type, state, subject_id, requester_email, requester_name, locale, details, received_at,
       due_at, due_date, first_due_at, identity_method, identity_verified_at, email_verified_at, status_token_hash)
     VALUES ($1, 'R-BNCH-' || $3, 'access', 'in-progress', $2, 'bench@subject.test', 'Bench Subject', 'en', '{}', now() - interval '2 days',
       now() + interval '28 days', (now() + interval '28 days')::date, now() + interval '28 days', 'email-link', now(), now(), repeat('0', 64)) RETURNING id`,
    [tenantId, subjectId, String(total)],
  )).rows;
  const [{ id: previewId }] = (await owner.query(
    `INSERT INTO request_fulfilment_plans (tenant_id, request_id, type, input, preview, previewed_at, previewed_by)
     SELECT $1, $2, 'access', '{}', jsonb_build_object('type', 'access', 'language', 'en', 'computedAt', now(), 'summary', '', 'webhooks', '[]'::jsonb, 'counts', '{}'::jsonb,
              'subject', jsonb_build_object('channel', 'email', 'to', 'b•••@subject.test', 'message', 'request-completed', 'summary', '', 'files', '[]'::jsonb),
              'records', jsonb_agg(jsonb_build_object('recordId', r.id, 'register', r.register_key, 'registerName', r.register_key, 'category', r.category_id,
                'categoryName', r.category_id, 'system', 'bench', 'action', 'hand-over'))), now(), 'bench'
       FROM personal_data_records r WHERE r.tenant_id = $1 AND r.subject_id = $3 RETURNING id`,
    [tenantId, requestId, subjectId],
  )).rows;
  const [{ id: buildId }] = (await owner.query(
    `INSERT INTO access_package_builds (tenant_id, request_id, preview_id, status, actor, created_at, updated_at)
     VALUES ($1, $2, $3, 'building', '{"id": null, "name": "bench"}', now(), now()) RETURNING id`,
    [tenantId, requestId, previewId],
  )).rows;
  return { subjectId, buildId };
}

/** The baseline: the same records read with plain SQL in the same keyset batches, nothing rendered or written. */
async function plainRead(owner: Client, tenantId: string, subjectId: string): Promise<{ ms: number; rows: number }> {
  const t0 = Date.now();
  let rows = 0;
  for (const s of SHARES) {
    let after: [string, string, string] | null = null;
    for (;;) {
      const res: { rows: { id: string; category_id: string; cursor_at: string }[] } = await owner.query(
        `SELECT id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, collected_at::text AS cursor_at,
                anchors, retention_due_at, restricted_at, restriction_reason, legal_hold
           FROM personal_data_records
          WHERE tenant_id = $1 AND subject_id = $2 AND register_key = $3 AND erased_at IS NULL
            AND ($4::text IS NULL OR (category_id, collected_at, id) > ($4::text, $5::timestamptz, $6::uuid))
          ORDER BY category_id, collected_at, id LIMIT $7`,
        [tenantId, subjectId, s.register, after?.[0] ?? null, after?.[1] ?? null, after?.[2] ?? null, PACKAGE_BATCH],
      );
      rows += res.rows.length;
      if (res.rows.length) {
        const last = res.rows[res.rows.length - 1];
        after = [last.category_id, last.cursor_at, last.id];
      }
      if (res.rows.length < PACKAGE_BATCH) break;
    }
  }
  return { ms: Date.now() - t0, rows };
}

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const owner = new Client({ connectionString: config.DATABASE_URL });
  await owner.connect();
  const [{ id: tenantId }] = (await owner.query(`SELECT id FROM tenants WHERE slug = 'medical-management'`)).rows;
  const [{ id: systemId }] = (await owner.query(
    `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_secret) VALUES ($1, 'bench', 'k-bench-package', repeat('0', 64), 'secret') RETURNING id`,
    [tenantId],
  )).rows;
  const app = await NestFactory.createApplicationContext(BenchModule.forRoot(config), { logger: ['error', 'warn'] });
  await app.init();
  const builds = app.get(AccessPackageBuilds);

  console.log(`access package bench: sizes ${SIZES.map((n) => n.toLocaleString('en')).join(', ')} records, ${VALUE_CHARS}-character texts, batches of ${PACKAGE_BATCH}`);
  const perRecord: number[] = [];
  for (const total of SIZES) {
    const g0 = Date.now();
    const { subjectId, buildId } = await arrange(owner, tenantId, systemId, total);
    console.log(`  ${total.toLocaleString('en')} records: generated in ${secs(Date.now() - g0)}`);
    const base = await plainRead(owner, tenantId, subjectId);
    if (base.rows !== total) throw new Error(`the plain read found ${base.rows} records, expected ${total}`);

    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
    const t0 = Date.now();
    const done = await builds.run(tenantId, buildId);
    const ms = Date.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (done.status !== 'done' || done.records !== total) throw new Error(`the build ended ${JSON.stringify(done)}, expected ${total} records done`);
    const files: { kind: string; size_bytes: number }[] = (await owner.query(
      `SELECT kind, size_bytes FROM request_artifacts WHERE build_id = $1 ORDER BY kind`, [buildId])).rows;
    perRecord.push(ms / total);
    console.log(`    build (HTML + JSON + CSV in one pass, stored, request closed): ${secs(ms)} = ${((ms * 1000) / total).toFixed(1)} µs/record`);
    console.log(`    plain SQL read of the same records in the same batches:       ${secs(base.ms)}`);
    console.log(`    ratio build / plain read: ${(ms / Math.max(1, base.ms)).toFixed(1)}`);
    console.log(`    files: ${files.map((f) => `${f.kind.replace('access-', '').toUpperCase()} ${mb(f.size_bytes)}`).join(', ')}`);
    console.log(`    worker RSS: ${mb(rssBefore)} before the build, peak ${mb(peak)}`);
  }
  if (perRecord.length > 1) {
    console.log(`  time per record, largest / smallest size: ${(perRecord[perRecord.length - 1] / perRecord[0]).toFixed(2)} (1.00: linear)`);
  }
  await app.close();
  await owner.end();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`access package bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
