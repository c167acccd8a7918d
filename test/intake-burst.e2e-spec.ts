import { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditChainJobs, AuditService } from '@regula/audit';
import { OUTBOX_WAKE_CHANNEL, parseWake } from '@regula/mail';
import { QueueName, poolStats } from '@regula/platform';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';

/**
 * A burst of data subjects against a small connection pool (issue 12, item 0;
 * issue 16 §2): 60 people file an access request with two controllers, 50 at
 * the same moment, then confirm their e-mail addresses at the same moment,
 * against an API with 5 pooled connections. Every request either completes
 * whole (its rows, its audit entries, its e-mails' wake heard after its commit) or
 * answers 503 with Retry-After; no client waits for 15 s (a client-side abort,
 * counted); /health says ok during the burst and after it; no code path asked
 * for a second pooled connection while holding one (the pool guard's count).
 * Afterwards each tenant's audit chain verifies, gap-free, with each request's
 * entries once and none for a request that was not stored. Counts only, no
 * timing assertions.
 */
const BURST = 50;
const FILINGS = 60;
const POOL = 5;
const CLIENT_WAIT_MS = 15_000;
const TENANTS = ['inomedis', 'medical-management'];
const tenantOf = (i: number) => TENANTS[i % TENANTS.length];
/** Each step files or confirms 60 requests through a pool of 5 and then reads them all back: more than Jest's default minute on a busy machine (no timing is asserted). */
const STEP_TIMEOUT_MS = 240_000;

interface Outcome {
  status: number | 'aborted';
  retryAfter?: string | null;
  text?: string;
}

describe('intake under a burst (pool of 5)', () => {
  let h: Harness;
  let base: string;
  let mailbox: Mailbox;
  /** What a worker listening on the outbox hears: the e-mails it would queue. */
  const heard = new Set<string>();
  let ear: Client;

  beforeAll(async () => {
    // SMTP_URL: a filing's e-mails wait for the worker, which hears their insert; no worker runs here, the test's mailbox sends them when it reads one.
    mailbox = await Mailbox.start();
    h = await startApi({ DATABASE_POOL_SIZE: String(POOL), TRUST_PROXY: 'true', SMTP_URL: mailbox.smtpUrl, PUBLIC_BASE_URL: 'https://regula.test' });
    await h.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
    ear = new Client({ connectionString: h.db.appUrl });
    await ear.connect();
    ear.on('notification', (n) => {
      if (n.channel === OUTBOX_WAKE_CHANNEL && n.payload) for (const e of parseWake(n.payload)) heard.add(e.emailId);
    });
    await ear.query(`LISTEN ${OUTBOX_WAKE_CHANNEL}`);
  });
  afterAll(async () => {
    await ear?.end();
    await h?.close();
    await mailbox?.close();
  });

  /** One client: its own address (X-Forwarded-For, TRUST_PROXY), gives up after CLIENT_WAIT_MS. */
  async function send(path: string, i: number, form?: Record<string, string>): Promise<Outcome> {
    try {
      const res = await fetch(`${base}${path}`, {
        method: form ? 'POST' : 'GET',
        headers: { 'X-Forwarded-For': `198.51.100.${i + 1}`, ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
        body: form ? new URLSearchParams(form).toString() : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(CLIENT_WAIT_MS),
      });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() };
    } catch (e) {
      if ((e as Error).name === 'TimeoutError' || (e as Error).name === 'AbortError') return { status: 'aborted' };
      throw e;
    }
  }

  /** /health now, by a client that also gives up after CLIENT_WAIT_MS. */
  async function health(): Promise<string> {
    const r = await send('/health', 250);
    return r.status === 'aborted' ? 'aborted' : `${r.status} ${JSON.parse(r.text ?? '{}').status}`;
  }

  /** Runs `clients` clients, BURST at a time (each next one starts when one is answered), with /health asked at the start and after every tenth answer. */
  async function burst(one: (i: number) => Promise<Outcome>, clients: number): Promise<{ outcomes: Outcome[]; healthDuring: string[] }> {
    const checks: Promise<string>[] = [health()];
    const outcomes: Outcome[] = [];
    let next = 0;
    let answered = 0;
    const client = async () => {
      for (let i = next++; i < clients; i = next++) {
        outcomes[i] = await one(i);
        if (++answered % 10 === 0 && answered < clients) checks.push(health());
      }
    };
    await Promise.all(Array.from({ length: Math.min(BURST, clients) }, client));
    return { outcomes, healthDuring: await Promise.all(checks) };
  }

  function tally(outcomes: Outcome[], success: number) {
    return {
      ok: outcomes.filter((o) => o.status === success).length,
      unavailableWithRetry: outcomes.filter((o) => o.status === 503 && /^\d+$/.test(o.retryAfter ?? '')).length,
      aborted: outcomes.filter((o) => o.status === 'aborted').length,
      other: outcomes.filter((o) => o.status !== success && !(o.status === 503 && /^\d+$/.test(o.retryAfter ?? ''))).map((o) => o.status),
    };
  }

  const emailOf = (i: number) => `burst.${i}@example.com`;
  const filed = new Map<number, { reference: string; token: string }>();

  it('files 60 access requests with two tenants, 50 at once: at least 95% filed whole, the rest 503 with Retry-After, no client waits 15 s, /health ok', async () => {
    const { outcomes, healthDuring } = await burst((i) => send(`/t/${tenantOf(i)}/request/access?lang=en`, i, { name: `Burst Subject ${i}`, email: emailOf(i) }), FILINGS);
    outcomes.forEach((o, i) => {
      if (o.status !== 201) return;
      filed.set(i, { reference: /id="reference">([^<]+)</.exec(o.text!)![1], token: /name="token" value="([^"]+)"/.exec(o.text!)![1] });
    });
    const t = tally(outcomes, 201);
    expect({ aborted: t.aborted, other: t.other }).toEqual({ aborted: 0, other: [] });
    expect(t.ok + t.unavailableWithRetry).toBe(FILINGS);
    expect(t.ok).toBeGreaterThanOrEqual(Math.ceil(FILINGS * 0.95));
    expect(healthDuring.filter((s) => s !== '200 ok')).toEqual([]);
    expect(await health()).toBe('200 ok');

    // None half-done: exactly the filed ones exist, each with its deadline, its identity
    // suspension, its timeline, its two e-mails, and each e-mail heard by a listening worker after the commit.
    const rows: { id: string; reference: string; slug: string; state: string; due_at: Date | null; first_due_at: Date | null; suspensions: number; events: number; emails: string[] }[] =
      await h.db.owner.query(
        `SELECT r.id, r.reference, (SELECT slug FROM tenants t WHERE t.id = r.tenant_id) AS slug, r.state, r.due_at, r.first_due_at,
                (SELECT count(*)::int FROM request_suspensions s WHERE s.request_id = r.id AND s.to_at IS NULL) AS suspensions,
                (SELECT count(*)::int FROM request_events e WHERE e.request_id = r.id) AS events,
                (SELECT coalesce(array_agg(o.id::text), '{}') FROM outbox_emails o WHERE o.request_id = r.id) AS emails
           FROM rights_requests r WHERE r.requester_email LIKE 'burst.%@example.com'`,
      );
    expect(rows.map((r) => `${r.slug} ${r.reference}`).sort()).toEqual([...filed].map(([i, f]) => `${tenantOf(i)} ${f.reference}`).sort());
    await ear.query('SELECT 1'); // a round trip on the listening connection: what was notified before has arrived
    const incomplete: string[] = [];
    for (const r of rows) {
      const whole = r.state === 'awaiting-identity' && r.due_at && r.first_due_at && r.suspensions === 1 && r.events >= 2 && r.emails.length === 2 && r.emails.every((id) => heard.has(id));
      if (!whole) incomplete.push(r.reference);
    }
    expect(incomplete).toEqual([]);
    expect(poolStats(h.app.get(DataSource)).secondConnectionWaits).toBe(0);
  }, STEP_TIMEOUT_MS);

  it('confirms their e-mail addresses at once: each confirmed request has its SLA jobs, the rest 503 with Retry-After', async () => {
    expect(filed.size).toBeGreaterThan(0);
    const codes = new Map<number, string>();
    // The codes as the subjects receive them: the stored e-mails hold only a placeholder (minted at sending).
    for (const [i, f] of filed) codes.set(i, await mailbox.code(h, f.reference));
    const order = [...filed.keys()];
    // One client per filed request (a client whose filing got a 503 has nothing to confirm, and counts for nothing).
    const { outcomes, healthDuring } = await burst((n) => {
      const i = order[n];
      const f = filed.get(i)!;
      return send(`/t/${tenantOf(i)}/requests/${f.reference}/verify?lang=en`, i, { code: codes.get(i)!, token: f.token });
    }, order.length);
    const t = tally(outcomes, 303);
    expect({ aborted: t.aborted, other: t.other }).toEqual({ aborted: 0, other: [] });
    expect(t.ok + t.unavailableWithRetry).toBe(order.length);
    expect(t.ok).toBeGreaterThanOrEqual(Math.ceil(order.length * 0.95));
    expect(healthDuring.filter((s) => s !== '200 ok')).toEqual([]);
    expect(await health()).toBe('200 ok');

    // A confirmed request's clock runs: its SLA notices are delayed jobs, queued after the commit.
    const confirmed = order.filter((i, n) => outcomes[n].status === 303).map((i) => filed.get(i)!.reference);
    const rows: { id: string; reference: string; state: string }[] = await h.db.owner.query(
      `SELECT id, reference, state FROM rights_requests WHERE reference = ANY($1)`,
      [confirmed],
    );
    const sla = h.app.get<Queue>(getQueueToken(QueueName.Sla));
    const delayed = await sla.getDelayed(0, -1);
    const withJobs = new Set(delayed.map((j) => (j.data as { requestId: string }).requestId));
    expect(rows.filter((r) => r.state !== 'in-progress' || !withJobs.has(r.id)).map((r) => r.reference)).toEqual([]);
    expect(rows).toHaveLength(confirmed.length);
    expect(poolStats(h.app.get(DataSource)).secondConnectionWaits).toBe(0);
  }, STEP_TIMEOUT_MS);

  it('afterwards: every e-mail delivered by the worker, and each tenant\'s audit chain intact, gap-free, each request audited once per step', async () => {
    expect(filed.size).toBeGreaterThan(0);
    await mailbox.deliver(h);
    const [{ unsent }] = await h.db.owner.query(
      `SELECT count(*)::int AS unsent FROM outbox_emails o JOIN rights_requests r ON r.id = o.request_id WHERE r.requester_email LIKE 'burst.%@example.com' AND o.status <> 'sent'`,
    );
    expect(unsent).toBe(0);
    // Filings answer before their entries are chained: the chainings they started are done.
    await h.app.get(AuditService).chained();
    const jobs = h.app.get(AuditChainJobs);
    for (const slug of TENANTS) {
      const [{ id }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug]);
      const [{ entries, last }] = await h.db.owner.query(`SELECT count(*)::int AS entries, max(seq)::int AS last FROM audit_log WHERE tenant_id = $1`, [id]);
      expect(last).toBe(entries);
      expect(await jobs.verify(id)).toMatchObject({ ok: true, entries });
      // Each stored request's steps once each, in order; no entry for a request that was not stored (a rolled-back filing leaves none).
      const audited: { reference: string | null; actions: string[] }[] = await h.db.owner.query(
        `SELECT r.reference, array_agg(a.action ORDER BY a.seq) AS actions
           FROM audit_log a LEFT JOIN rights_requests r ON r.id::text = a.target_id
          WHERE a.tenant_id = $1 AND a.target_type = 'rights-request' AND a.action LIKE 'request.%'
          GROUP BY r.reference`,
        [id],
      );
      const mine = new Set([...filed].filter(([i]) => tenantOf(i) === slug).map(([, f]) => f.reference));
      expect(audited.filter((a) => a.reference === null)).toEqual([]);
      expect(audited.filter((a) => mine.has(a.reference!)).map((a) => a.actions.slice(0, 2))).toEqual([...mine].map(() => ['request.received', 'request.awaiting-identity']));
      expect(audited.filter((a) => mine.has(a.reference!)).every((a) => a.actions.length === 2 || (a.actions.length === 3 && a.actions[2] === 'request.identity-verified'))).toBe(true);
    }
  }, STEP_TIMEOUT_MS);
});
