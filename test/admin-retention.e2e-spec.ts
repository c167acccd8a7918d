import { RegistersService } from '@regula/registers';
import { RetentionSweepService } from '@regula/retention';
import type { Register } from '@regula/engine';
import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';

/**
 * The dashboard's retention page on real PostgreSQL and Redis, with the demo
 * data of Inomedis: the schedule in the registers' words with what is due,
 * legal holds placed and lifted by record id (audited with the reason), a run
 * started from the page and swept, auditors read-only (403 on every POST,
 * nothing changed), and another tenant's slug, run or record 404.
 */
describe('admin dashboard: retention', () => {
  let h: Harness;
  let ino: string;
  let micro: string;
  const q = (sql: string, params: unknown[] = []) => h.db.owner.query(sql, params);
  const admin = (email?: string) => signedInAdmin(h, email);
  const page = '/admin/t/inomedis/retention';
  let overdueRecord: string;

  beforeAll(async () => {
    ({ h, ino, micro } = await startDashboardApi({ demoData: true }));
    // One record of Inomedis whose retention ended yesterday, whatever the demo dates are.
    [{ id: overdueRecord }] = await q(`SELECT id FROM personal_data_records WHERE tenant_id = $1 AND erased_at IS NULL AND NOT legal_hold ORDER BY id LIMIT 1`, [ino]);
    await q(`UPDATE personal_data_records SET retention_due_at = now() - interval '1 day' WHERE id = $1`, [overdueRecord]);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it("shows the schedule with each register's rule in its own words, what is due now and within 30 days, and the run-now form", async () => {
    const registers = (await h.app.get(RegistersService).listCurrent(ino)).map((r) => r.definition as unknown as Register);
    const withRule = registers.find((r) => r.retention.length > 0)!;
    const c = await admin();
    const res = await c.get(page);
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain(withRule.name.en);
    expect(text).toContain(withRule.retention[0].description.en.replace(/\s+/g, ' ').slice(0, 40));
    expect(text).toContain('Due within 30 days');
    const [{ due }] = await q(`SELECT count(*)::int AS due FROM personal_data_records WHERE tenant_id = $1 AND erased_at IS NULL AND retention_due_at <= now()`, [ino]);
    const dueNow = [...res.text.matchAll(/<tr class="urgency-soon">[\s\S]*?<td class="num">(\d+)<\/td>/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(dueNow).toBe(due);
    expect(res.text).toContain(`action="${page}/runs"`);
    expect(res.text).toContain('aria-current="page">Retention<');
  });

  it('places a legal hold by record id with a reason (audited), lists it, refuses a short reason on the page, and lifts it', async () => {
    const c = await admin();
    const short = await c.submit(page, `${page}/holds/place`, { recordId: overdueRecord, reason: 'ab' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('<title>Error:');
    expect(textOf(short.text)).toContain('Please correct the form: reason must be longer than or equal to 3 characters');
    expect(short.text).toMatch(/<textarea id="place-reason"[^>]*>ab<\/textarea>/);
    const badId = await c.submit(page, `${page}/holds/place`, { recordId: 'not-a-uuid', reason: 'court case 2-26-1234' });
    expect(badId.status).toBe(400);
    expect(textOf(badId.text)).toContain('the record id must be a UUID');

    const placed = await c.submit(page, `${page}/holds/place`, { recordId: overdueRecord, reason: 'court case 2-26-1234 (Riga city court)' });
    expect(placed.status).toBe(303);
    expect(placed.headers.location).toBe(`${page}?done=hold-placed#holds`);
    const [rec] = await q(`SELECT legal_hold FROM personal_data_records WHERE id = $1`, [overdueRecord]);
    expect(rec.legal_hold).toBe(true);
    const [audit] = await q(`SELECT actor, details FROM audit_log WHERE action = 'record.legal-hold.placed' AND target_id = $1`, [overdueRecord]);
    expect(audit.actor).toBe('admin@ino.test (compliance-admin)');
    expect(audit.details.reason).toBe('court case 2-26-1234 (Riga city court)');
    const list = await c.get(`${page}?done=hold-placed`);
    expect(textOf(list.text)).toContain('The legal hold was placed');
    expect(list.text).toContain(`<code>${overdueRecord}</code>`);
    expect(textOf(list.text)).toContain('court case 2-26-1234 (Riga city court)');

    const again = await c.submit(page, `${page}/holds/place`, { recordId: overdueRecord, reason: 'second time' });
    expect(again.headers.location).toBe(`${page}?done=hold-unchanged#holds`);

    const lifted = await c.submit(page, `${page}/holds/lift`, { recordId: overdueRecord, reason: 'case closed' });
    expect(lifted.status).toBe(303);
    const [after] = await q(`SELECT legal_hold FROM personal_data_records WHERE id = $1`, [overdueRecord]);
    expect(after.legal_hold).toBe(false);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'record.legal-hold.lifted' AND target_id = $1`, [overdueRecord]);
    expect(n).toBe(1);
  });

  it('runs retention now: the run page shows it running (audited), then its counts once swept', async () => {
    const c = await admin();
    const started = await c.submit(page, `${page}/runs`, {});
    expect(started.status).toBe(303);
    const m = /^\/admin\/t\/inomedis\/retention\/runs\/([0-9a-f-]{36})\?done=retention-started$/.exec(started.headers.location);
    expect(m).not.toBeNull();
    const runId = m![1];
    const [audit] = await q(`SELECT actor, details FROM audit_log WHERE action = 'retention.run.requested' AND target_id = $1`, [runId]);
    expect(audit).toEqual({ actor: 'admin@ino.test (compliance-admin)', details: { created: true, status: 'running' } });
    const running = await c.get(started.headers.location);
    expect(running.status).toBe(200);
    expect(textOf(running.text)).toContain('A retention run was started');
    expect(running.text).toContain('id="run-status">Running<');

    // A second click while it runs answers the same run.
    const second = await c.submit(page, `${page}/runs`, {});
    expect(second.headers.location).toBe(`/admin/t/inomedis/retention/runs/${runId}?done=retention-running`);

    await h.app.get(RetentionSweepService).sweep(ino, runId);
    const done = await c.get(`/admin/t/inomedis/retention/runs/${runId}`);
    expect(done.text).toContain('id="run-status">Completed<');
    const [run] = await q(`SELECT records_erased + records_anonymised AS removed FROM retention_runs WHERE id = $1`, [runId]);
    expect(run.removed).toBeGreaterThanOrEqual(1);
    expect(textOf(done.text)).toContain('Per register and data category');
    // The sweep deletes what it erases (a keyed hash of its identity is kept).
    expect(await q(`SELECT 1 FROM personal_data_records WHERE id = $1`, [overdueRecord])).toEqual([]);

    const overview = await c.get(page);
    expect(overview.text).toContain(`href="/admin/t/inomedis/retention/runs/${runId}"`);
  });

  it('audits a run started through the REST API exactly as one started from the dashboard', async () => {
    // The same person through each door, one after the other (a run answers a second start while it runs).
    const entryOf = async (runId: string) => {
      const rows = await q(
        `SELECT action, actor, actor_id, target_type, details FROM audit_log WHERE action = 'retention.run.requested' AND target_id = $1`, [runId],
      );
      expect(rows).toHaveLength(1);
      return rows[0];
    };
    const sweeps = h.app.get(RetentionSweepService);
    // No run left open by an earlier test: each door must start a run of its own.
    for (const { id } of await q(`SELECT id FROM retention_runs WHERE tenant_id = $1 AND status = 'running'`, [ino])) await sweeps.sweep(ino, id);
    const c = await admin();
    const fromDashboard = /runs\/([0-9a-f-]{36})/.exec((await c.submit(page, `${page}/runs`, {})).headers.location)![1];
    await sweeps.sweep(ino, fromDashboard);
    const token = await h.login('admin@ino.test');
    const res = await h.http().post('/api/v1/tenants/inomedis/retention/runs').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'running', created: true });
    expect(res.body.id).not.toBe(fromDashboard);
    await sweeps.sweep(ino, res.body.id);
    const [{ id: adminId }] = await q(`SELECT id FROM users WHERE email = 'admin@ino.test'`);
    const expected = {
      action: 'retention.run.requested', actor: 'admin@ino.test (compliance-admin)', actor_id: adminId,
      target_type: 'retention-run', details: { created: true, status: 'running' },
    };
    expect(await entryOf(res.body.id)).toEqual(expected);
    expect(await entryOf(fromDashboard)).toEqual(expected);
  });

  it('an auditor sees the pages without forms, and every POST is refused (403) with nothing changed', async () => {
    const c = await admin('auditor@ino.test');
    const res = await c.get(page);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('class="action-form');
    expect(res.text).not.toContain(`action="${page}/runs"`);
    const [{ runs }] = await q(`SELECT count(*)::int AS runs FROM retention_runs WHERE tenant_id = $1`, [ino]);
    const [{ id: record }] = await q(`SELECT id FROM personal_data_records WHERE tenant_id = $1 AND erased_at IS NULL ORDER BY id LIMIT 1`, [ino]);
    const csrf = AdminClient.csrfOf(res.text);
    expect((await c.post(`${page}/runs`, { _csrf: csrf })).status).toBe(403);
    expect((await c.post(`${page}/holds/place`, { _csrf: csrf, recordId: record, reason: 'auditor tries' })).status).toBe(403);
    const [{ runs: after }] = await q(`SELECT count(*)::int AS runs FROM retention_runs WHERE tenant_id = $1`, [ino]);
    expect(after).toBe(runs);
    const [rec] = await q(`SELECT legal_hold FROM personal_data_records WHERE id = $1`, [record]);
    expect(rec.legal_hold).toBe(false);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM audit_log WHERE actor LIKE 'auditor@ino.test%' AND action LIKE 'record.%'`);
    expect(n).toBe(0);
  });

  it("answers another tenant's slug, run and record with 404, and changes nothing", async () => {
    const c = await admin();
    expect((await c.get('/admin/t/micromedic/retention')).status).toBe(404);
    const m = await admin('admin@micro.test');
    const started = await m.submit('/admin/t/micromedic/retention', '/admin/t/micromedic/retention/runs', {});
    const microRun = /runs\/([0-9a-f-]{36})/.exec(started.headers.location)![1];
    expect((await c.get(`/admin/t/inomedis/retention/runs/${microRun}`)).status).toBe(404);
    expect((await c.get('/admin/t/inomedis/retention/runs/not-a-uuid')).status).toBe(404);
    const [{ id: microRecord }] = await q(`SELECT id FROM personal_data_records WHERE tenant_id = $1 AND NOT legal_hold ORDER BY id LIMIT 1`, [micro]);
    const res = await c.submit(page, `${page}/holds/place`, { recordId: microRecord, reason: 'not my record' });
    expect(res.status).toBe(404);
    const [rec] = await q(`SELECT legal_hold FROM personal_data_records WHERE id = $1`, [microRecord]);
    expect(rec.legal_hold).toBe(false);
  });
});
