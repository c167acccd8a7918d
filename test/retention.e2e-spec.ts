import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { ConfigModule, DatabaseModule, QueueName, QueuesModule, RedisModule, WorkerConfig, loadWorkerConfig } from '@regula/platform';
import { AuditModule } from '@regula/audit';
import { RegistersModule } from '@regula/registers';
import { RetentionRecomputeService, RetentionSweepService } from '@regula/retention';
import { IngestService } from '@regula/ingest';
import { ErasedRecordKeys } from '@regula/subjects';
import { REGULA_SCHEMA } from '../apps/schema';
import { QueueWorkerModule } from '../apps/worker/src/queue-worker.module';
import { RETENTION_SCHEDULER_ID } from '../apps/worker/src/schedules';
import { Harness, auditEnv, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

/** The retention part of the worker only. */
@Module({})
class RetentionWorkerHarness {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: RetentionWorkerHarness,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(REGULA_SCHEMA), RedisModule, AuditModule, RegistersModule, QueuesModule, QueueWorkerModule.forQueue(QueueName.Retention)],
    };
  }
}

const YEAR = 365 * 24 * 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

/**
 * Retention on real Postgres and Redis (softera-baltic: website/login-information
 * is erased a year after collection, surveys-newsletters/survey-data anonymised
 * a year after collection): due records erased or anonymised, protected ones
 * kept and counted, webhooks written, one audit entry per run, idempotent,
 * due dates recomputed after a rule change, concurrent sweeps, the API and
 * the worker's jobs.
 */
describe('retention', () => {
  let h: Harness;
  let admin: string;
  let auditor: string;
  let tenantId: string;
  let systemId: string;
  let sweeps: RetentionSweepService;
  let recompute: RetentionRecomputeService;
  const q = (sql: string, params: unknown[] = []) => h.db.owner.query(sql, params);

  async function subjects(n: number): Promise<string[]> {
    const rows: { id: string }[] = await q(`INSERT INTO data_subjects (tenant_id) SELECT $1 FROM generate_series(1, $2) RETURNING id`, [tenantId, n]);
    return rows.map((r) => r.id);
  }

  async function record(subjectId: string, register: string, category: string, collectedAt: Date, extra: { legalHold?: boolean; due?: Date | null } = {}): Promise<string> {
    const [row] = await q(
      `INSERT INTO personal_data_records (tenant_id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, anchors, retention_due_at, legal_hold)
       VALUES ($1, $2, $3, 'ext-' || gen_random_uuid(), $4, $5, '{"secret":"personal"}', $6, '{}', $7, $8) RETURNING id`,
      [tenantId, subjectId, systemId, register, category, collectedAt, extra.due ?? null, !!extra.legalHold],
    );
    return row.id;
  }

  async function openRequest(subjectId: string, state = 'in-progress'): Promise<void> {
    await q(
      `INSERT INTO rights_requests (tenant_id, reference, type, state, subject_id, requester_email, requester_name, locale, received_at, due_at, due_date, first_due_at, identity_method, status_token_hash)
       VALUES ($1, 'R-' || substr(md5(random()::text), 1, 8), 'access', $3, $2, 'a@example.test', 'A', 'en', now(), now() + interval '30 days', current_date + 30, now() + interval '30 days', 'email-code', repeat('a', 64))`,
      [tenantId, subjectId, state],
    );
  }

  async function restriction(subjectId: string, registerKey: string | null, lifted = false): Promise<void> {
    await q(
      `INSERT INTO processing_objections (tenant_id, subject_id, kind, register_key, effective_at, lifted_at) VALUES ($1, $2, 'restriction', $3, now(), $4)`,
      [tenantId, subjectId, registerKey, lifted ? new Date() : null],
    );
  }

  const webhookRecords = async (runId: string): Promise<string[]> => {
    const rows: { payload: { records: { externalId: string }[] } }[] = await q(
      `SELECT payload FROM webhook_deliveries WHERE tenant_id = $1 AND event = 'record.erased' AND payload->>'retentionRunId' = $2`,
      [tenantId, runId],
    );
    return rows.flatMap((r) => r.payload.records.map((x) => x.externalId));
  };

  const auditEntries = (runId: string): Promise<{ details: Record<string, unknown> }[]> =>
    q(`SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'retention.run.completed' AND target_id = $2`, [tenantId, runId]);

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    await createStaff(h.db.owner, 'auditor@softera.test', { tenant: 'softera-baltic', role: 'auditor' });
    admin = await h.login('admin@softera.test');
    auditor = await h.login('auditor@softera.test');
    [{ id: tenantId }] = await q(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    [{ id: systemId }] = await q(
      `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_secret) VALUES ($1, 'crm', 'k-ret-test', repeat('0', 64), 'secret') RETURNING id`,
      [tenantId],
    );
    sweeps = h.app.get(RetentionSweepService);
    recompute = h.app.get(RetentionRecomputeService);
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('a sweep', () => {
    const ids: Record<string, string[]> = { erase: [], anonymise: [], notDue: [], hold: [], request: [], restricted: [], lifted: [], closedRequest: [] };
    let runId: string;

    beforeAll(async () => {
      const s = await subjects(12);
      for (let i = 0; i < 6; i++) ids.erase.push(await record(s[i], 'website', 'login-information', ago(2 * YEAR)));
      for (let i = 0; i < 3; i++) ids.anonymise.push(await record(s[i], 'surveys-newsletters', 'survey-data', ago(2 * YEAR)));
      ids.notDue.push(await record(s[0], 'website', 'login-information', ago(YEAR / 12)));
      ids.hold.push(await record(s[6], 'website', 'login-information', ago(2 * YEAR), { legalHold: true }));
      ids.request.push(await record(s[7], 'website', 'login-information', ago(2 * YEAR)));
      await openRequest(s[7]);
      ids.restricted.push(await record(s[8], 'website', 'login-information', ago(2 * YEAR)));
      await restriction(s[8], 'website');
      ids.lifted.push(await record(s[9], 'website', 'login-information', ago(2 * YEAR)));
      await restriction(s[9], null, true);
      ids.closedRequest.push(await record(s[10], 'website', 'login-information', ago(2 * YEAR)));
      await openRequest(s[10], 'completed');
      // A restriction of another register does not protect this one.
      await restriction(s[10], 'accounting');
    });

    it('computes due dates from the rules before it sweeps (and counts what is due through the API)', async () => {
      const results = await recompute.refreshStale(tenantId);
      expect(results.find((r) => r.registerKey === 'website')).toMatchObject({ changed: 12 });
      expect(await recompute.staleRegisters(tenantId)).toEqual([]);
      const res = await h.http().get('/api/v1/tenants/softera-baltic/retention/due').set('Authorization', `Bearer ${auditor}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        { register: 'surveys-newsletters', category: 'survey-data', due: 3, legalHold: 0, openRequest: 0, restriction: 0, erasable: 3 },
        { register: 'website', category: 'login-information', due: 11, legalHold: 1, openRequest: 1, restriction: 1, erasable: 8 },
      ]);
      const later = await h.http().get('/api/v1/tenants/softera-baltic/retention/due').query({ before: new Date(Date.now() + YEAR).toISOString() }).set('Authorization', `Bearer ${auditor}`);
      expect(later.body.find((r: { register: string }) => r.register === 'website').due).toBe(12);
      const bad = await h.http().get('/api/v1/tenants/softera-baltic/retention/due').query({ before: 'soon' }).set('Authorization', `Bearer ${auditor}`);
      expect(bad.status).toBe(400);
    });

    it('erases or anonymises due records, keeps and counts the protected ones, writes webhooks and one audit entry', async () => {
      const { run, created } = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'test', batchSize: 3 });
      expect(created).toBe(true);
      runId = run.id;
      const swept = [...ids.erase, ...ids.anonymise, ...ids.lifted, ...ids.closedRequest];
      const [sweptExternals] = await q(`SELECT array_agg(external_id ORDER BY external_id) AS ids FROM personal_data_records WHERE id = ANY($1::uuid[])`, [swept]);
      const keysBefore = (await q(`SELECT count(*)::int AS n FROM erased_record_keys WHERE tenant_id = $1`, [tenantId]))[0].n;
      const done = await sweeps.sweep(tenantId, runId, { lanes: 1 });
      expect(done).toMatchObject({ status: 'completed', recordsErased: 8, recordsAnonymised: 3, recordsSkippedProtected: 3 });
      expect(done.batches).toBe(4);

      // The erased records are deleted (a keyed hash of each kept); the protected ones are untouched.
      expect(await q(`SELECT id FROM personal_data_records WHERE id = ANY($1::uuid[])`, [swept])).toEqual([]);
      expect((await q(`SELECT count(*)::int AS n FROM erased_record_keys WHERE tenant_id = $1`, [tenantId]))[0].n).toBe(keysBefore + 11);
      for (const k of ['notDue', 'hold', 'request', 'restricted']) {
        const rows = await q(`SELECT value, erased_at FROM personal_data_records WHERE id = ANY($1::uuid[])`, [ids[k]]);
        expect(rows).toEqual(ids[k].map(() => ({ value: { secret: 'personal' }, erased_at: null })));
      }

      const counts = await q(
        `SELECT register_key, category_id, erased, anonymised, skipped_legal_hold, skipped_open_request, skipped_restriction FROM retention_run_counts WHERE run_id = $1 ORDER BY 1, 2`,
        [runId],
      );
      expect(counts).toEqual([
        { register_key: 'surveys-newsletters', category_id: 'survey-data', erased: 0, anonymised: 3, skipped_legal_hold: 0, skipped_open_request: 0, skipped_restriction: 0 },
        { register_key: 'website', category_id: 'login-information', erased: 8, anonymised: 0, skipped_legal_hold: 1, skipped_open_request: 1, skipped_restriction: 1 },
      ]);

      const externals = await webhookRecords(runId);
      expect(externals).toHaveLength(11);
      expect(new Set(externals).size).toBe(11);
      expect([...externals].sort()).toEqual(sweptExternals.ids);
      const keys = h.app.get(ErasedRecordKeys);
      const kept = await q(`SELECT digest FROM erased_record_keys WHERE tenant_id = $1 AND digest = ANY($2::bytea[])`, [
        tenantId, sweptExternals.ids.map((externalId: string) => keys.digest(tenantId, { sourceSystemId: systemId, externalId })),
      ]);
      expect(kept).toHaveLength(11);
      const [hook] = await q(`SELECT payload FROM webhook_deliveries WHERE payload->>'retentionRunId' = $1 LIMIT 1`, [runId]);
      expect(hook.payload.records[0]).toEqual({ externalId: expect.any(String), registerKey: expect.any(String), categoryId: expect.any(String), action: expect.stringMatching(/^(erase|anonymise)$/) });
      expect(JSON.stringify(hook.payload)).not.toContain('personal');

      const entries = await auditEntries(runId);
      expect(entries).toHaveLength(1);
      expect(entries[0].details).toMatchObject({ erased: 8, anonymised: 3, skippedProtected: 3, batches: 4 });
      expect(entries[0].details.counts).toEqual([
        { register: 'surveys-newsletters', category: 'survey-data', erased: 0, anonymised: 3, skippedLegalHold: 0, skippedOpenRequest: 0, skippedRestriction: 0 },
        { register: 'website', category: 'login-information', erased: 8, anonymised: 0, skippedLegalHold: 1, skippedOpenRequest: 1, skippedRestriction: 1 },
      ]);
    });

    it('refuses to store an erased record again: ingest answers ignored, a record never seen is created', async () => {
      const [erased] = await q(`SELECT payload->'records'->0->>'externalId' AS id FROM webhook_deliveries WHERE payload->>'retentionRunId' = $1 LIMIT 1`, [runId]);
      const item = (externalId: string) => ({
        externalId, subject: { kind: 'email' as const, value: 'back@example.test' }, register: 'website', category: 'login-information',
        value: { secret: 'personal' }, collectedAt: ago(2 * YEAR).toISOString(),
      });
      // The system's row is the one the records came from; its name here is the one the website register receives data from.
      const result = await h.app.get(IngestService).ingest(tenantId, { id: systemId, name: 'website' }, {
        subjects: [{ identifiers: [{ kind: 'email', value: 'back@example.test' }] }],
        records: [item(erased.id), item('never-seen-before')],
      });
      expect(result.items.filter((i) => i.item.startsWith('records'))).toEqual([
        { item: 'records[0]', externalId: erased.id, status: 'ignored', note: expect.stringMatching(/erased in Regula: it is not stored again/) },
        { item: 'records[1]', externalId: 'never-seen-before', status: 'created' },
      ]);
      expect(await q(`SELECT 1 FROM personal_data_records WHERE tenant_id = $1 AND external_id = $2`, [tenantId, erased.id])).toEqual([]);
      await q(`DELETE FROM personal_data_records WHERE tenant_id = $1 AND external_id = 'never-seen-before'`, [tenantId]);
    });

    it('is idempotent: a second run erases nothing, counts the protected again and writes no webhook', async () => {
      const before = (await q(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE tenant_id = $1`, [tenantId]))[0].n;
      const { run } = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'test' });
      expect(run.id).not.toBe(runId);
      const done = await sweeps.sweep(tenantId, run.id);
      expect(done).toMatchObject({ status: 'completed', recordsErased: 0, recordsAnonymised: 0, recordsSkippedProtected: 3, batches: 0 });
      expect((await q(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE tenant_id = $1`, [tenantId]))[0].n).toBe(before);
      expect(await auditEntries(run.id)).toHaveLength(1);
      // Sweeping a completed run again changes nothing either.
      expect(await sweeps.sweep(tenantId, run.id)).toMatchObject({ status: 'completed', recordsErased: 0 });
      expect(await auditEntries(run.id)).toHaveLength(1);
    });

    it('a lifted legal hold lets the next run erase the record; holds are audited with their reason', async () => {
      const url = `/api/v1/tenants/softera-baltic/records/${ids.hold[0]}/legal-hold`;
      expect((await h.http().delete(url).set('Authorization', `Bearer ${auditor}`).send({ reason: 'no' })).status).toBe(403);
      expect((await h.http().delete(url).set('Authorization', `Bearer ${admin}`).send({})).status).toBe(400);
      const lifted = await h.http().delete(url).set('Authorization', `Bearer ${admin}`).send({ reason: 'case closed' });
      expect(lifted.status).toBe(200);
      expect(lifted.body).toEqual({ id: ids.hold[0], legalHold: false, changed: true });
      const placed = await h.http().post(`/api/v1/tenants/softera-baltic/records/${ids.notDue[0]}/legal-hold`).set('Authorization', `Bearer ${admin}`).send({ reason: 'court order 12/26' });
      expect(placed.body).toEqual({ id: ids.notDue[0], legalHold: true, changed: true });
      const audits = await q(`SELECT action, details->>'reason' AS reason FROM audit_log WHERE tenant_id = $1 AND action LIKE 'record.legal-hold.%' ORDER BY seq`, [tenantId]);
      expect(audits).toEqual([{ action: 'record.legal-hold.lifted', reason: 'case closed' }, { action: 'record.legal-hold.placed', reason: 'court order 12/26' }]);
      expect((await h.http().post(`/api/v1/tenants/softera-baltic/records/00000000-0000-4000-8000-000000000000/legal-hold`).set('Authorization', `Bearer ${admin}`).send({ reason: 'x'.repeat(5) })).status).toBe(404);

      const { run } = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'test' });
      expect(await sweeps.sweep(tenantId, run.id)).toMatchObject({ recordsErased: 1, recordsSkippedProtected: 2 });
    });
  });

  it('recomputes due dates after a register rule changed, and sweeps by the new ones', async () => {
    const [s] = await subjects(1);
    const rec = await record(s, 'website', 'login-information', ago(1.5 * YEAR));
    await recompute.recompute(tenantId, 'website'); // (ingest computes it for a new record)
    const dueOf = async () => (await q(`SELECT retention_due_at FROM personal_data_records WHERE id = $1`, [rec]))[0].retention_due_at as Date;
    const before = await dueOf();
    expect(before.getTime()).toBeLessThan(Date.now());

    // A new rule: login information kept 3 years (as `regula tenants sync` would version it).
    const [v] = await q(`SELECT v.id, v.definition FROM register_versions v JOIN registers r ON r.id = v.register_id WHERE r.tenant_id = $1 AND r.key = 'website' AND v.is_current`, [tenantId]);
    const def = v.definition;
    const rule = def.retention.find((r: { id: string }) => r.id === 'login-logs');
    rule.period = { years: 3 };
    await q(`UPDATE register_versions SET definition = $2 WHERE id = $1`, [v.id, def]);

    expect(await recompute.staleRegisters(tenantId)).toEqual(['website']);
    const { run } = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'test' });
    const done = await sweeps.sweep(tenantId, run.id);
    expect(done.recordsErased).toBe(0);
    const after = await dueOf();
    expect(after.getTime()).toBeGreaterThan(Date.now());
    expect(after.getTime() - before.getTime()).toBeGreaterThan(1.9 * YEAR);
    expect((await q(`SELECT erased_at FROM personal_data_records WHERE id = $1`, [rec]))[0].erased_at).toBeNull();
    // A second recompute changes nothing.
    expect(await recompute.recompute(tenantId, 'website')).toMatchObject({ changed: 0 });
    rule.period = { years: 1 };
    await q(`UPDATE register_versions SET definition = $2 WHERE id = $1`, [v.id, def]);
    await q(`DELETE FROM personal_data_records WHERE id = $1`, [rec]);
  });

  it('two sweeps of one run at once never take the same records; counts equal what was erased', async () => {
    const s = await subjects(50);
    await q(
      `INSERT INTO personal_data_records (tenant_id, subject_id, source_system_id, external_id, register_key, category_id, value, collected_at, retention_due_at)
       SELECT $1, ($2::uuid[])[1 + (g % 50)], $3, 'par-' || g, 'website', 'login-information', '"x"', now() - interval '2 years', now() - interval '1 year'
         FROM generate_series(1, 3000) g`,
      [tenantId, s, systemId],
    );
    await recompute.refreshStale(tenantId);
    const { run } = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'test', batchSize: 50 });
    const [a, b] = await Promise.all([sweeps.sweep(tenantId, run.id), sweeps.sweep(tenantId, run.id)]);
    expect(a.status).toBe('completed');
    expect(b.recordsErased).toBe(a.recordsErased);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM personal_data_records WHERE external_id LIKE 'par-%'`);
    expect(n).toBe(0);
    expect(a.recordsErased).toBe(3000);
    const [{ sum }] = await q(`SELECT sum(erased)::int AS sum FROM retention_run_counts WHERE run_id = $1`, [run.id]);
    expect(sum).toBe(3000);
    const externals = await webhookRecords(run.id);
    expect(externals).toHaveLength(3000);
    expect(new Set(externals).size).toBe(3000);
    expect(await auditEntries(run.id)).toHaveLength(1);
  });

  it('two runs of one tenant cannot run at once: starting again answers the running run', async () => {
    const first = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'a' });
    const second = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'b' });
    expect(second).toEqual({ run: first.run, created: false });
    await sweeps.sweep(tenantId, first.run.id);
  });

  it('a run whose job gave up is marked failed with one audit entry; the next run takes over', async () => {
    const { run } = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'test' });
    await sweeps.fail(tenantId, run.id, 'database unreachable');
    await sweeps.fail(tenantId, run.id, 'again');
    const [row] = await q(`SELECT status, error, finished_at FROM retention_runs WHERE id = $1`, [run.id]);
    expect(row).toMatchObject({ status: 'failed', error: 'database unreachable' });
    const entries = await q(`SELECT details FROM audit_log WHERE action = 'retention.run.failed' AND target_id = $1`, [run.id]);
    expect(entries).toHaveLength(1);
    expect(entries[0].details).toMatchObject({ erased: 0, error: 'database unreachable' });
    expect(await sweeps.sweep(tenantId, run.id)).toMatchObject({ status: 'failed' });
    const next = await sweeps.startRun(tenantId, { trigger: 'manual', requestedBy: 'test' });
    expect(next.created).toBe(true);
    await sweeps.sweep(tenantId, next.run.id);
  });

  describe('in the worker', () => {
    let worker: INestApplicationContext;
    let queue: Queue;

    beforeAll(async () => {
      queue = h.app.get<Queue>(getQueueToken(QueueName.Retention));
      await queue.obliterate({ force: true });
      const config = loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: h.db.ownerUrl, DATABASE_APP_URL: h.db.appUrl, REDIS_URL: h.config.REDIS_URL, ...auditEnv(h) });
      worker = await NestFactory.createApplicationContext(RetentionWorkerHarness.forRoot(config), { logger: false });
      await worker.init();
    });
    afterAll(async () => {
      await worker?.close();
    });

    const until = async (what: () => Promise<boolean>, ms = 20_000) => {
      const end = Date.now() + ms;
      while (!(await what())) {
        if (Date.now() > end) throw new Error('timed out');
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    it('schedules the daily sweep under one fixed id', async () => {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual([RETENTION_SCHEDULER_ID]);
      expect(schedulers[0].pattern).toBe('30 2 * * *');
    });

    it('runs an on-demand run (202 with its id) in the retention-sweep job', async () => {
      const [s] = await subjects(1);
      const rec = await record(s, 'website', 'login-information', ago(2 * YEAR), { due: ago(YEAR) });
      expect((await h.http().post('/api/v1/tenants/softera-baltic/retention/runs').set('Authorization', `Bearer ${auditor}`)).status).toBe(403);
      const res = await h.http().post('/api/v1/tenants/softera-baltic/retention/runs').set('Authorization', `Bearer ${admin}`);
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ id: expect.any(String), status: 'running', created: true });
      const get = () => h.http().get(`/api/v1/tenants/softera-baltic/retention/runs/${res.body.id}`).set('Authorization', `Bearer ${auditor}`);
      await until(async () => (await get()).body.status === 'completed');
      const detail = (await get()).body;
      expect(detail).toMatchObject({ recordsErased: 1, trigger: 'manual', requestedBy: 'admin@softera.test (compliance-admin)' });
      expect(detail.counts).toEqual([expect.objectContaining({ registerKey: 'website', categoryId: 'login-information', erased: 1 })]);
      expect(await q(`SELECT 1 FROM personal_data_records WHERE id = $1`, [rec])).toEqual([]);
      const list = await h.http().get('/api/v1/tenants/softera-baltic/retention/runs').set('Authorization', `Bearer ${auditor}`);
      expect(list.body[0].id).toBe(res.body.id);
      expect((await h.http().get(`/api/v1/tenants/softera-baltic/retention/runs/00000000-0000-4000-8000-000000000000`).set('Authorization', `Bearer ${auditor}`)).status).toBe(404);
    });

    it('sweep-all starts one scheduled run per tenant per day; repeated, it starts none', async () => {
      const job = await queue.add('retention-sweep-all', {});
      await until(async () => (await job.getState()) === 'completed');
      const runs = async () => (await q(`SELECT tenant_id, status FROM retention_runs WHERE trigger = 'schedule'`)) as { status: string }[];
      expect(await runs()).toHaveLength(4);
      await until(async () => (await runs()).every((r) => r.status === 'completed'));
      const again = await queue.add('retention-sweep-all', {});
      await until(async () => (await again.getState()) === 'completed');
      expect(await runs()).toHaveLength(4);
    });

    it('recomputes a register in the retention-recompute job', async () => {
      const [s] = await subjects(1);
      const rec = await record(s, 'website', 'login-information', ago(2 * YEAR), { due: null });
      const job = await queue.add('retention-recompute', { tenantId, registerKey: 'website' });
      await until(async () => (await job.getState()) === 'completed');
      expect((await q(`SELECT retention_due_at FROM personal_data_records WHERE id = $1`, [rec]))[0].retention_due_at).not.toBeNull();
    });
  });
});
