import { TenantDb } from '@regula/platform';
import { IntakeGate } from '../apps/api/src/public/intake-gate.guard';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';
import { signedInAdmin } from './support/admin-session';
import { AdminClient } from './support/admin-client';

/**
 * What a client gets when the server cannot take its request in time (issue
 * 12, item 0): 503 with Retry-After, on the REST API (JSON), the public pages
 * (an HTML page in the reader's language) and the dashboard, never a 500 or a
 * hang; /health still says ok (its probe has a connection of its own). The
 * pool (2 connections) and the intake gate are filled by the test itself, so
 * nothing here depends on load or speed.
 */
describe('answers when busy', () => {
  let h: Harness;
  let token: string;
  let admin: AdminClient;

  beforeAll(async () => {
    h = await startApi({ DATABASE_POOL_SIZE: '2', DATABASE_CONNECT_TIMEOUT_MS: '300', TRUST_PROXY: 'true' });
    await createStaff(h.db.owner, 'admin@busy.test', { tenant: 'inomedis' });
    token = await h.login('admin@busy.test');
    admin = await signedInAdmin(h, 'admin@busy.test');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Runs `fn` while every pooled connection of the API is held by a transaction that waits. */
  async function withPoolHeld<T>(fn: () => Promise<T>): Promise<T> {
    const db = h.app.get(TenantDb);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const started: Promise<void>[] = [];
    const holders = Array.from({ length: h.config.DATABASE_POOL_SIZE }, () => {
      let begun!: () => void;
      started.push(new Promise<void>((r) => (begun = r)));
      return db.unscoped(async () => {
        begun();
        await held;
      });
    });
    await Promise.all(started);
    try {
      return await fn();
    } finally {
      release();
      await Promise.all(holders);
    }
  }

  it('REST API: 503 JSON with Retry-After when no pooled connection comes free', async () => {
    const res = await withPoolHeld(() => h.http().get('/api/v1/tenants/inomedis/requests').set('Authorization', `Bearer ${token}`));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({ statusCode: 503 });
    // Served again once connections are free.
    expect((await h.http().get('/api/v1/tenants/inomedis/requests').set('Authorization', `Bearer ${token}`)).status).toBe(200);
  });

  it('dashboard: 503 with Retry-After when no pooled connection comes free', async () => {
    const res = await withPoolHeld(() => admin.get('/admin/t/inomedis/requests'));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('public pages: a client that leaves while it waits for its turn keeps none', async () => {
    const { gate } = h.app.get(IntakeGate);
    const until = async (what: () => boolean) => {
      for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 5));
      return what();
    };
    for (let i = 0; i < gate.limit; i++) await gate.enter();
    const waiting = h.http().get('/t/inomedis/request/access?lang=en').set('X-Forwarded-For', '198.51.100.10');
    waiting.then(() => undefined, () => undefined);
    try {
      expect(await until(() => gate.stats.waiting === 1)).toBe(true);
      waiting.abort();
    } finally {
      for (let i = 0; i < gate.limit; i++) gate.leave();
    }
    expect(await until(() => gate.stats.active === 0 && gate.stats.waiting === 0)).toBe(true);
    // The gate still admits: a turn was not lost.
    expect((await h.http().get('/t/inomedis/request/access?lang=en').set('X-Forwarded-For', '198.51.100.11')).status).toBe(200);
    expect(gate.stats).toEqual({ active: 0, waiting: 0 });
  });

  it('public pages: 503 with Retry-After and a page in the reader language when the intake gate stays full', async () => {
    const { gate } = h.app.get(IntakeGate);
    // PUBLIC_CONCURRENCY unset: four times the pool's two connections.
    expect(gate.limit).toBe(8);
    for (let i = 0; i < gate.limit; i++) await gate.enter();
    let res;
    try {
      res = await h.http().get('/t/inomedis/request/access?lang=lv').set('X-Forwarded-For', '198.51.100.7');
    } finally {
      for (let i = 0; i < gate.limit; i++) gate.leave();
    }
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.text).toContain('<html lang="lv">');
    expect(res.text).toContain('Pakalpojums šobrīd ir ļoti noslogots');
    expect(gate.stats).toEqual({ active: 0, waiting: 0 });
    expect((await h.http().get('/t/inomedis/request/access?lang=lv').set('X-Forwarded-For', '198.51.100.8')).status).toBe(200);
  });

  it('public pages: 503 with Retry-After when no pooled connection comes free', async () => {
    const res = await withPoolHeld(() => h.http().post('/t/inomedis/request/access?lang=en').set('X-Forwarded-For', '198.51.100.9').type('form').send({ name: 'Busy', email: 'busy@example.com' }));
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.text).toContain('The service is very busy at the moment');
    expect(await h.db.owner.query(`SELECT 1 FROM rights_requests WHERE requester_email = 'busy@example.com'`)).toEqual([]);
  });

  it('/health says ok while every pooled connection is held', async () => {
    const res = await withPoolHeld(() => h.http().get('/health'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });
});
