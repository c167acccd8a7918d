import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { Harness, DEMO_PASSWORD, startApi } from './support/api-harness';
import { queueBoardSignIn } from './support/queue-board';
import { createStaff } from './support/staff';

/** The queue dashboard (Bull Board) at /admin/queues: platform admins only, by bearer token or the sign-in cookie. */
describe('queue dashboard', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'platform@regula.test', { platformAdmin: true });
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
  });
  afterAll(async () => h?.close());

  const cookieOf = (res: { headers: Record<string, unknown> }) => {
    const set = res.headers['set-cookie'] as string[] | undefined;
    return set?.find((c) => c.startsWith('regula_admin='));
  };

  const signIn = (email: string, password: string) => queueBoardSignIn(h, email, password);

  it('answers 401 without a token, also for its API and assets', async () => {
    for (const path of ['/admin/queues', '/admin/queues/', '/admin/queues/api/queues', '/admin/queues/static/js/does-not-matter.js']) {
      expect({ path, status: (await h.http().get(path)).status }).toEqual({ path, status: 401 });
    }
    const html = await h.http().get('/admin/queues').set('Accept', 'text/html');
    expect(html.status).toBe(401);
    expect(html.text).toContain('/admin/queues/login');
    expect((await h.http().get('/admin/queues').set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    expect((await h.http().get('/admin/queues').set('Cookie', 'regula_admin=forged')).status).toBe(401);
  });

  it('answers 403 to a tenant admin, by bearer and at the sign-in form (no cookie set)', async () => {
    const token = await h.login('admin@softera.test');
    expect((await h.http().get('/admin/queues').set('Authorization', `Bearer ${token}`)).status).toBe(403);
    expect((await h.http().get('/admin/queues').set('Cookie', `regula_admin=${token}`)).status).toBe(403);
    const form = await signIn('admin@softera.test', DEMO_PASSWORD);
    expect(form.status).toBe(403);
    expect(cookieOf(form)).toBeUndefined();
  });

  it('serves the board to a platform admin by bearer token, with its own assets and every queue', async () => {
    const token = await h.login('platform@regula.test');
    const res = await h.http().get('/admin/queues').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<base href="/admin/queues/"');
    expect(res.text).not.toMatch(/https?:\/\/(?!www\.w3\.org)/); // nothing from third parties
    expect(res.headers['content-security-policy']).toContain("base-uri 'self'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    // Its scripts are files of its own: no inline script may run (issue 12, item 10).
    expect(/script-src ([^;]*)/.exec(res.headers['content-security-policy'])![1]).toBe("'self'");
    const script = /src="(static\/js\/main[^"]+)"/.exec(res.text)![1];
    const js = await h.http().get(`/admin/queues/${script}`).set('Authorization', `Bearer ${token}`);
    expect(js.status).toBe(200);
    const api = await h.http().get('/admin/queues/api/queues').set('Authorization', `Bearer ${token}`);
    expect(api.status).toBe(200);
    expect(api.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(expect.arrayContaining(['audit', 'breach', 'mail', 'webhooks']));
    // Other pages keep the strict policy.
    expect((await h.http().get('/api/v1/health')).headers['content-security-policy']).toContain("base-uri 'none'");
  });

  it('signs a platform admin in with the form: HttpOnly, SameSite=Strict cookie; sign-out clears it', async () => {
    const page = await h.http().get('/admin/queues/login');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post" action="/admin/queues/login">');
    expect(page.text).toMatch(/<input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{20,}">/);
    expect(page.text).not.toContain('<script');

    const wrong = await signIn('platform@regula.test', 'wrong password');
    expect(wrong.status).toBe(401);
    expect(cookieOf(wrong)).toBeUndefined();

    const res = await signIn('platform@regula.test', DEMO_PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/queues');
    const cookie = cookieOf(res)!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin\/queues/);
    expect(cookie).not.toMatch(/Secure/); // not in production
    const pair = cookie.split(';')[0];
    const board = await h.http().get('/admin/queues').set('Cookie', pair);
    expect(board.status).toBe(200);
    expect(board.text).toContain('Regula queues');

    const out = await h.http().post('/admin/queues/logout').set('Cookie', pair);
    expect(out.status).toBe(303);
    expect(cookieOf(out)).toMatch(/^regula_admin=;.*Max-Age=0/);
  });

  it('refuses a sign-in without the form\'s CSRF token, or with one of another browser (login CSRF)', async () => {
    const bare = await h.http().post('/admin/queues/login').type('form').send({ email: 'platform@regula.test', password: DEMO_PASSWORD });
    expect(bare.status).toBe(403);
    expect(cookieOf(bare)).toBeUndefined();
    const page = await h.http().get('/admin/queues/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const otherBrowser = await h.http().post('/admin/queues/login').set('Cookie', 'regula_login=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').type('form').send({ email: 'platform@regula.test', password: DEMO_PASSWORD, _csrf: csrf });
    expect(otherBrowser.status).toBe(403);
    expect(cookieOf(otherBrowser)).toBeUndefined();
  });

  it('sets the Secure flag in production', async () => {
    const prod = await startApi({ NODE_ENV: 'production' }, { flushRedis: false });
    try {
      await createStaff(prod.db.owner, 'platform@regula.test', { platformAdmin: true });
      const res = await queueBoardSignIn(prod, 'platform@regula.test');
      expect(res.status).toBe(303);
      expect(cookieOf(res)).toMatch(/; Secure/);
    } finally {
      await prod.close();
    }
  });

  it('is rate-limited like the API sign-in', async () => {
    let last = 0;
    for (let i = 0; i < 8; i++) last = (await signIn('nobody@regula.test', 'x')).status;
    expect(last).toBe(429);
  });

  it('works in Chromium under its CSP: sign-in form, the board with every queue, nothing from third parties, no violations', async () => {
    const server = await startApi({}, { flushRedis: false });
    const profile = mkdtempSync(path.join(tmpdir(), 'regula-chromium-'));
    let ctx: BrowserContext | null = null;
    try {
      await createStaff(server.db.owner, 'platform@regula.test', { platformAdmin: true });
      await server.app.listen(0, '127.0.0.1');
      const base = `http://127.0.0.1:${(server.app.getHttpServer().address() as AddressInfo).port}`;
      ctx = await chromium.launchPersistentContext(profile, {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      const foreign: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
      });
      page.on('console', (m) => {
        // A failed load is checked by its response below (the browser's own /favicon.ico request is not a page resource).
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(String(e)));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${base}/admin/queues/login`);
      await page.fill('#email', 'platform@regula.test');
      await page.fill('#password', DEMO_PASSWORD);
      const [board] = await Promise.all([page.waitForResponse(`${base}/admin/queues`), page.waitForURL(`${base}/admin/queues`), page.click('button[type=submit]')]);
      expect(/script-src ([^;]*)/.exec(board.headers()['content-security-policy'])![1]).toBe("'self'");
      for (const q of ['audit', 'breach', 'mail', 'webhooks']) await page.getByText(q, { exact: true }).first().waitFor({ timeout: 15000 });
      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await ctx?.close();
      rmSync(profile, { recursive: true, force: true });
      await server.close();
    }
  }, 90000);
});
