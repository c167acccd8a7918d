import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditChainJobs, AuditService, AuditAction } from '@regula/audit';
import { OutboxQueryService } from '@regula/mail';
import { TenantDb } from '@regula/platform';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';

/**
 * A web filing is written in one round trip (issue 16 §2): its rows with one
 * statement, `regula_write_rows`, in a transaction of its own with the tenant
 * set, shared with the tenant's filings of the same moment; its audit entries
 * wait in `audit_pending` and join the chain after the commit, by a chaining
 * the filing starts and does not wait for. What must hold: everything of a filing
 * or nothing, row-level security as for any insert, and a chain without gaps
 * in commit order, whatever dies in between. Its e-mails are rendered by the
 * worker that sends them, not on the filing's path.
 */
describe('a filing in one round trip', () => {
  let h: Harness;
  let port: RequestsPort;
  let audit: AuditService;
  let tenantId: string;
  let otherId: string;
  let n = 0;
  let mailbox: Mailbox;

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    // SMTP: e-mails wait for the worker (the mailbox sends them as it does).
    h = await startApi({ SMTP_URL: mailbox.smtpUrl });
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
    audit = h.app.get(AuditService);
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    [{ id: otherId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
  });

  const file = () =>
    port.fileRequest(tenantId, { type: 'access', name: 'Anna Bērziņa', email: `one-trip.${++n}@subject.test`, locale: 'lv', details: {} }, { ip: `198.51.100.${n % 250}` });
  const pending = async (): Promise<number> => (await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_pending`))[0].n;

  it('writes the request, its events, its stop, its two e-mails and two audit entries, which join the chain after the answer, by the chaining the filing started', async () => {
    const filed = await file();
    // The answer does not wait for the chain (the tenant's one serial step): the entries are committed with the filing and wait to be chained.
    await audit.chained();
    const id = filed.request.id;
    const [counts] = await h.db.owner.query(
      `SELECT (SELECT state FROM rights_requests WHERE id = $1) AS state,
              (SELECT count(*)::int FROM request_events WHERE request_id = $1) AS events,
              (SELECT count(*)::int FROM request_suspensions WHERE request_id = $1 AND to_at IS NULL) AS stops,
              (SELECT count(*)::int FROM outbox_emails WHERE request_id = $1) AS emails`,
      [id],
    );
    expect(counts).toEqual({ state: 'awaiting-identity', events: 2, stops: 1, emails: 2 });
    const chained = await h.db.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND target_id = $2 ORDER BY seq`, [tenantId, id]);
    expect(chained.map((r: { action: string }) => r.action)).toEqual(['request.received', 'request.awaiting-identity']);
    expect(await pending()).toBe(0);
  });

  it('its e-mails are rendered by the worker that sends them: stored unrendered, read rendered by staff, sent in Latvian with the code, then stored as sent', async () => {
    const filed = await file();
    const reference = filed.request.reference;
    const stored = () =>
      h.db.owner.query(`SELECT template, subject, render_input IS NOT NULL AS waiting FROM outbox_emails WHERE request_id = $1 ORDER BY created_at`, [filed.request.id]);
    expect(await stored()).toEqual([
      { template: 'request-received', subject: null, waiting: true },
      { template: 'verify-email', subject: null, waiting: true },
    ]);
    // Staff reading the outbox before it is sent see the message, its secrets redacted, and nothing of what it is rendered from.
    const { items } = await h.app.get(OutboxQueryService).list(tenantId, { page: 1, pageSize: 10, requestId: filed.request.id }, { reader: { userId: null, label: 'test' }, withBody: true });
    expect(items).toHaveLength(2);
    for (const e of items) {
      expect(e.subject).toContain(reference);
      expect((e as { text: string }).text).toContain(reference);
      expect(e).not.toHaveProperty('renderInput');
    }
    const read = items.find((e) => e.template === 'verify-email') as { text: string };
    expect(read.text).not.toMatch(/(?<!\d)\d{6}(?!\d)/);

    const sent = await mailbox.forRequest(h, reference);
    expect(sent.map((m) => m.template).sort()).toEqual(['request-received', 'verify-email']);
    const code = sent.find((m) => m.template === 'verify-email')!;
    expect(code.text).toMatch(/(?<!\d)\d{6}(?!\d)/);
    expect(code.subject).toBe(items.find((e) => e.template === 'verify-email')!.subject);
    // Latvian, the filer's language: the acknowledgement names the due date as a Latvian date.
    expect(sent.find((m) => m.template === 'request-received')!.text).toMatch(/Pieprasījum|pieprasījum/);
    const after = await stored();
    expect(after.map((r: { waiting: boolean }) => r.waiting)).toEqual([false, false]);
    expect(after.map((r: { subject: string }) => r.subject)).toEqual(sent.map((m) => m.subject));
  });

  it("every row of a filing takes regula_write_rows' planned INSERTs (a shape that drifted from the migration's is named)", async () => {
    const ds = h.app.get(DataSource);
    const answers: unknown[] = [];
    const query = ds.query.bind(ds);
    const spy = jest.spyOn(ds, 'query').mockImplementation(async (sql: string, ...rest: Parameters<DataSource['query']> extends [string, ...infer R] ? R : never) => {
      const result = await query(sql, ...rest);
      if (sql.includes('regula_write_rows')) answers.push(result);
      return result;
    });
    try {
      await file();
    } finally {
      spy.mockRestore();
    }
    expect(answers).toEqual([[{ unplanned: [] }]]);
  });

  it("the duplicate lookup reads the filer's identity keys through an index, under the API's row-level security; the keys follow the request's", async () => {
    const filed = await file();
    const id = filed.request.id;
    const keysOf = async () => (await h.db.owner.query(`SELECT key FROM request_identity_keys WHERE request_id = $1 ORDER BY key`, [id])).map((r: { key: string }) => r.key);
    expect(await keysOf()).toEqual([`e:one-trip.${n}@subject.test`]);
    // The e-mail intake's relink rewrites a request's keys: the lookup's rows follow.
    await h.db.owner.query(`UPDATE rights_requests SET identity_keys = ARRAY['e:moved@subject.test', 'p:+37120000000|anna bērziņa'] WHERE id = $1`, [id]);
    expect(await keysOf()).toEqual(['e:moved@subject.test', 'p:+37120000000|anna bērziņa']);

    // Row-level security lets PostgreSQL put only leakproof conditions in an index scan: key equality is one (an array overlap, the lookup before, is not).
    const app = new Client({ connectionString: h.db.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await app.query('SET LOCAL enable_seqscan = off');
      const [{ 'QUERY PLAN': plan }] = (await app.query(`EXPLAIN (FORMAT JSON) SELECT request_id FROM request_identity_keys WHERE tenant_id = $1 AND key = ANY ($2::text[])`, [tenantId, ['e:moved@subject.test']])).rows;
      const conditions: string[] = [];
      const walk = (node: { 'Index Cond'?: string; Plans?: unknown[] }) => {
        if (node['Index Cond']) conditions.push(node['Index Cond']);
        (node.Plans ?? []).forEach((p) => walk(p as typeof node));
      };
      walk(plan[0].Plan);
      expect(conditions).toEqual([expect.stringMatching(/tenant_id = .*key = ANY/)]);
      const found = await app.query(`SELECT id FROM regula_earlier_request($1, 'access', $2::text[], now() - interval '1 day', now() + interval '1 day', NULL)`, [tenantId, ['e:moved@subject.test']]);
      expect(found.rows).toEqual([{ id }]);
    } finally {
      await app.query('ROLLBACK');
      await app.end();
    }
  });

  it('filings of one moment share their duplicate lookups: each still finds its own earlier request, and only its own', async () => {
    const by = (email: string, type = 'access') =>
      port.fileRequest(tenantId, { type, name: 'Anna Bērziņa', email, locale: 'lv', details: {} } as Parameters<RequestsPort['fileRequest']>[1], { ip: `198.51.100.${++n % 250}` });
    const a1 = await by(`lookup-a.${n}@subject.test`);
    const b1 = await by(`lookup-b.${n}@subject.test`);
    const ds = h.app.get(DataSource);
    const lookups: number[] = [];
    const query = ds.query.bind(ds);
    const spy = jest.spyOn(ds, 'query').mockImplementation((sql: string, ...rest: Parameters<DataSource['query']> extends [string, ...infer R] ? R : never) => {
      if (sql.includes('regula_earlier_requests')) lookups.push(JSON.parse((rest[0] as string[])[1]).length);
      return query(sql, ...rest);
    });
    let later: Awaited<ReturnType<typeof by>>[];
    try {
      // Again from a and b, a's of another type too, and a first from c: eight at once.
      later = await Promise.all([
        by(a1.request.requesterEmail!), by(b1.request.requesterEmail!), by(a1.request.requesterEmail!, 'erasure'), by(`lookup-c.${n}@subject.test`),
        by(b1.request.requesterEmail!), by(a1.request.requesterEmail!), by(`lookup-d.${n}@subject.test`), by(b1.request.requesterEmail!, 'erasure'),
      ]);
    } finally {
      spy.mockRestore();
    }
    const duplicateOf = async (id: string) => (await h.db.owner.query(`SELECT duplicate_of FROM rights_requests WHERE id = $1`, [id]))[0].duplicate_of;
    expect(await Promise.all(later.map((f) => duplicateOf(f.request.id)))).toEqual([a1.request.id, b1.request.id, null, null, b1.request.id, a1.request.id, null, null]);
    // Eight lookups, fewer statements: the first alone, the rest together.
    expect(lookups.reduce((a, b) => a + b, 0)).toBe(8);
    expect(lookups.length).toBeLessThan(8);
  });

  it('regula_write_rows keeps row-level security: rows of another tenant are refused, and nothing of the call is written', async () => {
    const app = new Client({ connectionString: h.db.appUrl });
    await app.connect();
    try {
      const parts = (tenant: string) => [
        { table: 'audit_pending', columns: ['tenant_id', 'actor', 'action', 'details'], rows: [{ tenant_id: tenantId, actor: 'test', action: 'test.one-trip-own' as AuditAction, details: {} }] },
        { table: 'audit_pending', columns: ['tenant_id', 'actor', 'action', 'details'], rows: [{ tenant_id: tenant, actor: 'test', action: 'test.one-trip-foreign' as AuditAction, details: {} }] },
      ];
      await expect(app.query(`SELECT regula_write_rows($1, $2::jsonb)`, [tenantId, JSON.stringify(parts(otherId))])).rejects.toThrow(/row-level security/);
      expect(await pending()).toBe(0);
      // The same through the INSERT planned for a filing's shape of the table (all eight columns given).
      const planned = (tenant: string) => [
        { table: 'audit_pending', columns: ['tenant_id', 'actor_id', 'actor', 'action', 'target_type', 'target_id', 'details', 'ip'], rows: [{ tenant_id: tenant, actor_id: null, actor: 'test', action: 'test.one-trip-foreign', target_type: null, target_id: null, details: {}, ip: null }] },
      ];
      await expect(app.query(`SELECT regula_write_rows($1, $2::jsonb)`, [tenantId, JSON.stringify(planned(otherId))])).rejects.toThrow(/row-level security/);
      expect(await pending()).toBe(0);
      // The function adds no right: a table the app may not write in the tenant's scope stays closed to it.
      const tenants = [{ table: 'tenants', columns: ['slug'], rows: [{ slug: 'smuggled' }] }];
      await expect(app.query(`SELECT regula_write_rows($1, $2::jsonb)`, [tenantId, JSON.stringify(tenants)])).rejects.toThrow(/permission denied|row-level security/);
      expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM tenants WHERE slug = 'smuggled'`))[0].n).toBe(0);
    } finally {
      await app.end();
    }
  });

  it('a unit PostgreSQL refuses, written together with others, is refused alone: the others are written', async () => {
    const db = h.app.get(TenantDb);
    const ds = h.app.get(DataSource);
    const calls: number[] = [];
    const query = ds.query.bind(ds);
    const spy = jest.spyOn(ds, 'query').mockImplementation((sql: string, ...rest: Parameters<DataSource['query']> extends [string, ...infer R] ? R : never) => {
      if (sql.includes('regula_write_rows')) calls.push(JSON.parse((rest[0] as string[])[1])[0].rows.length);
      return query(sql, ...rest);
    });
    // Each unit one audit entry; the third one's of another tenant, which row-level security refuses.
    const unit = (n: number, tenant: string) =>
      db.forTenantInOneTrip(tenantId, (em) => audit.append(em, { tenantId: tenant, actorId: null, actor: 'test', action: `one-trip.joint-${n}` as AuditAction, details: {} }));
    let outcomes: PromiseSettledResult<void>[];
    try {
      // The first is written at once; the next four reach the tenant while it is, and are written together.
      outcomes = await Promise.allSettled([unit(1, tenantId), unit(2, tenantId), unit(3, otherId), unit(4, tenantId), unit(5, tenantId)]);
    } finally {
      spy.mockRestore();
    }
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/row-level security/);
    // One call alone, the joint call of the next four (refused whole), then each of the four alone: its rows.
    expect(calls).toEqual([1, 4, 1, 1, 1, 1]);
    await audit.chained();
    const chained = await h.db.owner.query(`SELECT action FROM audit_log WHERE action LIKE 'one-trip.joint-%' ORDER BY action`);
    expect(chained.map((r: { action: string }) => r.action)).toEqual(['one-trip.joint-1', 'one-trip.joint-2', 'one-trip.joint-4', 'one-trip.joint-5']);
  });

  it('entries a dead process left waiting join the chain first, at the next append, in the order they were written; the sweep chains them too', async () => {
    // As a filing whose process died between its commit and the chaining: the rows committed, nothing chained.
    const leftBehind = (action: string) =>
      h.db.owner.query(`INSERT INTO audit_pending (tenant_id, actor, action, details) VALUES ($1, 'test: left behind', $2, '{}')`, [tenantId, action]);
    await leftBehind('test.left-1');
    await leftBehind('test.left-2');
    await h.app.get(TenantDb).forTenant(tenantId, (em) => audit.append(em, { tenantId, actorId: null, actor: 'test: later', action: 'test.later' as AuditAction, details: {} }));
    const order = await h.db.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND action LIKE 'test.%' ORDER BY seq`, [tenantId]);
    expect(order.map((r: { action: string }) => r.action)).toEqual(['test.left-1', 'test.left-2', 'test.later']);

    await leftBehind('test.left-3');
    expect(await h.app.get(AuditChainJobs).chainWaiting()).toBeGreaterThanOrEqual(2);
    expect(await pending()).toBe(0);
    expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.left-3'`))[0].n).toBe(1);
    expect(await h.app.get(AuditChainJobs).verify(tenantId)).toMatchObject({ ok: true });
  });

  it('30 filings at once: written together by fewer calls, each stored whole, the chain gap-free and verified, each filing\'s two entries in their order', async () => {
    const ds = h.app.get(DataSource);
    let writes = 0;
    const query = ds.query.bind(ds);
    const spy = jest.spyOn(ds, 'query').mockImplementation((sql: string, ...rest: Parameters<DataSource['query']> extends [string, ...infer R] ? R : never) => {
      if (sql.includes('regula_write_rows')) writes++;
      return query(sql, ...rest);
    });
    let filed: Awaited<ReturnType<typeof file>>[];
    try {
      filed = await Promise.all(Array.from({ length: 30 }, () => file()));
    } finally {
      spy.mockRestore();
    }
    // While one filing's write is under way, the tenant's next filings wait and are written by one call (OneTripBatches).
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThan(30);
    await audit.chained();
    expect(new Set(filed.map((f) => f.request.reference)).size).toBe(30);
    const rows: { seq: string; target_id: string; action: string }[] = await h.db.owner.query(
      `SELECT seq, target_id, action FROM audit_log WHERE tenant_id = $1 AND target_id = ANY($2) ORDER BY seq`,
      [tenantId, filed.map((f) => f.request.id)],
    );
    expect(rows).toHaveLength(60);
    for (const f of filed) {
      const own = rows.filter((r) => r.target_id === f.request.id).map((r) => r.action);
      expect(own).toEqual(['request.received', 'request.awaiting-identity']);
    }
    expect(await pending()).toBe(0);
    const verdict = await h.app.get(AuditChainJobs).verify(tenantId);
    expect(verdict).toMatchObject({ ok: true });
  });
});
