import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { AdminClient, textOf } from './support/admin-client';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser } from './support/browser';
import { freePort } from './support/free-port';
import { createStaff } from './support/staff';

/**
 * Staff sign-in with their organisation's identity provider (issue 18 §2),
 * against a real OpenID Connect provider (oidc-provider, test/support/oidc-idp.mjs)
 * in its own process on 127.0.0.1, one for the whole suite; Regula reaches it
 * only through REGULA_TEST_ALLOW_LOOPBACK_IDP. A tenant admin sets single
 * sign-on up on the dashboard (the secret sealed, shown only as "set");
 * Chromium without JavaScript signs in through the provider's own login form
 * and lands on the dashboard (screenshots sso-login.png, sso-idp.png,
 * sso-dashboard.png, sso-settings.png); the provider's answers Regula must refuse are refused and
 * audited: a replayed answer, an unverified e-mail address, another
 * audience, another issuer, an expired ID token (Regula's clock moved on, no
 * waiting), a stranger while just-in-time membership is off; with it on, a
 * newcomer becomes a member with the chosen role; turned off, no button and no start.
 * Time: 37 s measured alone on a loaded machine (load average 15 on 2 CPUs): its tests
 * 17 s (Chromium's sign-in 8 s), the rest the API's, the provider's and Chromium's start.
 */
describe('single sign-on with a tenant\'s OpenID Connect provider', () => {
  let h: Harness;
  let b: BrowserSession;
  let idp: ChildProcess;
  let issuer: string;
  let ino: string;
  let clockOffsetMs = 0;
  /** The tenant admin's password session (the first test signs in). */
  let admin: AdminClient;
  const secret = 'regula-test-secret';

  beforeAll(async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    idp = spawn(process.execPath, [path.join(__dirname, 'support', 'oidc-idp.mjs'), `${base}/admin/sso/callback`], { stdio: ['ignore', 'pipe', 'ignore'] });
    const provider = Promise.race([
      createInterface({ input: idp.stdout! })[Symbol.asyncIterator]().next().then((r) => {
        idp.stdout!.destroy();
        return (JSON.parse(r.value as string) as { issuer: string }).issuer;
      }),
      new Promise<never>((_, reject) => {
        setTimeout(() => reject(new Error('the test identity provider did not start')), 15_000).unref();
      }),
    ]);
    // The provider starts while the API does.
    h = await startApi({ PUBLIC_BASE_URL: base, REGULA_TEST_ALLOW_LOOPBACK_IDP: '1' }, { clock: () => new Date(Date.now() + clockOffsetMs) });
    [{ id: ino }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    [issuer, b] = await Promise.all([
      provider,
      openBrowser(h, { port, expectedErrorStatuses: [401] }),
      createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' }),
      createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' }),
    ]);
    // The test provider's own login page asks for a web font: not Regula's page, and no network here.
    await b.ctx.route(/^https:\/\/fonts\.(googleapis|gstatic)\.com\//, (r) => r.abort());
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
    if (idp && idp.exitCode === null) await new Promise((resolve) => idp.once('exit', resolve).kill());
  });

  const audits = async (action: string): Promise<{ details: Record<string, unknown> }[]> =>
    h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq`, [ino, action]);

  /** Signs in at the provider as `login` (its login form, no browser) from Regula's start; the callback's URL. */
  async function throughProvider(c: AdminClient, login: string): Promise<string> {
    const started = await c.get('/admin/sso/start/inomedis');
    expect(started.status).toBe(303);
    const jar = new Map<string, string>();
    const go = async (url: string, form?: Record<string, string>) => {
      const res = await fetch(url, {
        method: form ? 'POST' : 'GET', redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form ? new URLSearchParams(form).toString() : undefined,
      });
      for (const sc of res.headers.getSetCookie()) {
        const [pair] = sc.split(';');
        const i = pair.indexOf('=');
        jar.set(pair.slice(0, i), pair.slice(i + 1));
      }
      return res;
    };
    let res = await go(started.headers.location);
    let url = new URL(res.headers.get('location')!, issuer).toString();
    res = await go(url);
    const action = /action="([^"]+)"/.exec(await res.text())![1];
    res = await go(new URL(action, issuer).toString(), { prompt: 'login', login, password: 'any' });
    url = new URL(res.headers.get('location')!, issuer).toString();
    for (let i = 0; i < 5 && !url.includes('/admin/sso/callback'); i++) {
      res = await go(url);
      url = new URL(res.headers.get('location')!, issuer).toString();
    }
    return url;
  }

  const callbackPath = (url: string) => { const u = new URL(url); return `${u.pathname}${u.search}`; };

  it('a tenant admin sets single sign-on up: the issuer is checked, the secret sealed and shown only as set, the change audited; an auditor may not', async () => {
    admin = new AdminClient(h);
    await admin.login('admin@ino.test');
    const form = { providerName: 'Ino Test ID', issuer, clientId: 'regula', clientSecret: secret, jitRole: 'none', enabled: 'on' };

    // Refused by the egress policy before any request is sent: PostgreSQL's port, one of Regula's own services (loopback itself is allowed to this suite).
    const bad = await admin.submit('/admin/t/inomedis/sso', '/admin/t/inomedis/sso', { ...form, issuer: 'http://127.0.0.1:5432/idp' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('Issuer URL: is not an address Regula may contact');

    const saved = await admin.submit('/admin/t/inomedis/sso', '/admin/t/inomedis/sso', form);
    expect(saved.status).toBe(303);
    const page = await admin.get('/admin/t/inomedis/sso?done=sso-saved');
    expect(textOf(page.text)).toContain('The single sign-on settings were saved.');
    expect(textOf(page.text)).toContain('set (never shown)');
    expect(page.text).not.toContain(secret);
    const [row] = await h.db.owner.query(`SELECT client_secret_sealed FROM tenant_sso WHERE tenant_id = $1`, [ino]);
    expect(row.client_secret_sealed).toMatch(/^sb1\./);
    expect(row.client_secret_sealed).not.toContain(secret);
    const [changed] = await audits('sso.settings-changed');
    expect(changed.details).toMatchObject({ issuer, clientId: 'regula', clientSecret: 'set', enabled: true, jitRole: null });
    expect(JSON.stringify(changed.details)).not.toContain(secret);

    // Saved again without a secret: the stored one is kept.
    expect((await admin.submit('/admin/t/inomedis/sso', '/admin/t/inomedis/sso', { ...form, clientSecret: '' })).status).toBe(303);
    expect((await audits('sso.settings-changed'))[1].details).toMatchObject({ clientSecret: 'kept' });

    const auditor = new AdminClient(h);
    await auditor.login('auditor@ino.test');
    expect((await auditor.get('/admin/t/inomedis/sso')).status).toBe(403);
  });

  it('in Chromium without JavaScript, staff sign in through the provider and land on the dashboard; the identity is bound; sign-out ends the session', async () => {
    const { page } = b;
    await page.goto(`${b.base}/admin/t/inomedis`);
    expect(page.url()).toContain('/admin/login');
    await b.shot('sso-login');
    await page.click('text=Sign in with Ino Test ID');
    expect(page.url()).toContain(issuer);
    await b.shot('sso-idp');
    await page.fill('input[name=login]', 'sso-admin');
    await page.fill('input[name=password]', 'any');
    await Promise.all([page.waitForURL(`${b.base}/admin/t/inomedis`), page.click('button[type=submit]')]);
    expect(await page.textContent('h1')).toBeTruthy();
    expect(await page.isVisible('form[action="/admin/logout"]')).toBe(true);
    await b.shot('sso-dashboard');

    const [m] = await h.db.owner.query(`SELECT m.sso_issuer, m.sso_subject FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'admin@ino.test'`);
    expect(m).toEqual({ sso_issuer: issuer, sso_subject: 'sso-admin' });
    const logins = await audits('auth.login');
    expect(logins.at(-1)!.details).toMatchObject({ method: 'sso', issuer, subject: 'sso-admin', matchedBy: 'email' });

    await page.goto(`${b.base}/admin/t/inomedis/sso`);
    await b.shot('sso-settings');
    await page.click('form[action="/admin/logout"] button');
    expect(page.url()).toBe(`${b.base}/admin/login?tenant=inomedis`);
    await page.goto(`${b.base}/admin/t/inomedis`);
    expect(page.url()).toContain('/admin/login');
    expect(b.foreign.filter((u) => !u.startsWith(issuer) && !/^https:\/\/fonts\./.test(u))).toEqual([]);
  });

  it('the next sign-in is matched by (issuer, subject); the same answer brought again is refused and audited', async () => {
    const c = new AdminClient(h);
    const callback = callbackPath(await throughProvider(c, 'sso-admin'));
    const cookie = c.cookies.get('regula_sso')!;
    const ok = await c.get(callback);
    expect(ok.status).toBe(200);
    expect(c.cookies.get('regula_session')).toBeTruthy();
    expect((await audits('auth.login')).at(-1)!.details).toMatchObject({ method: 'sso', matchedBy: 'subject' });
    expect((await c.get('/admin/t/inomedis')).status).toBe(200);
    // The session opens this tenant only.
    expect((await c.get('/admin/t/micromedic')).status).toBe(404);

    const replay = new AdminClient(h);
    replay.cookies.set('regula_sso', cookie);
    const again = await replay.get(callback);
    expect(again.status).toBe(401);
    expect(textOf(again.text)).toContain('This sign-in has expired or was already used.');
    expect(replay.cookies.get('regula_session')).toBeUndefined();
    const [refused] = await h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id IS NULL AND action = 'auth.sso-refused' ORDER BY seq DESC LIMIT 1`);
    expect(refused.details).toMatchObject({ reason: 'no-transaction' });
  });

  it.each([
    ['unverified', 'email-not-verified', 'is not a member of this organisation'],
    ['wrong-aud', 'token-invalid', 'could not be completed'],
    ['wrong-iss', 'token-invalid', 'could not be completed'],
    ['stranger', 'unknown-person', 'is not a member of this organisation'],
  ])('the provider\'s answer for %s is refused (%s) and audited', async (login, reason, says) => {
    const c = new AdminClient(h);
    const res = await c.get(callbackPath(await throughProvider(c, login)));
    expect(res.status).toBe(401);
    expect(textOf(res.text)).toContain(says);
    expect(c.cookies.get('regula_session')).toBeUndefined();
    expect((await audits('auth.sso-refused')).at(-1)!.details).toMatchObject({ reason });
  });

  it('the problems openid-client found are what the audit records: another audience, another issuer', async () => {
    const problems = (await audits('auth.sso-refused')).map((a) => String(a.details.problem ?? ''));
    expect(problems.some((p) => /aud/.test(p))).toBe(true);
    expect(problems.some((p) => /unexpected iss value/.test(p))).toBe(true);
    const [auditor] = await h.db.owner.query(`SELECT m.sso_issuer FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'auditor@ino.test'`);
    expect(auditor.sso_issuer).toBeNull();
  });

  it('an ID token past its expiry by Regula\'s clock is refused', async () => {
    const c = new AdminClient(h);
    const callback = callbackPath(await throughProvider(c, 'sso-admin'));
    clockOffsetMs = 10 * 60_000;
    try {
      const res = await c.get(callback);
      expect(res.status).toBe(401);
    } finally {
      clockOffsetMs = 0;
    }
    const last = (await audits('auth.sso-refused')).at(-1)!.details;
    expect(last).toMatchObject({ reason: 'token-invalid' });
    expect(String(last.problem)).toMatch(/JWT expired/);
  });

  it('with just-in-time membership on, a newcomer the provider verified becomes a member with the chosen role', async () => {
    const form = { providerName: 'Ino Test ID', issuer, clientId: 'regula', clientSecret: '', jitRole: 'auditor', enabled: 'on' };
    expect((await admin.submit('/admin/t/inomedis/sso', '/admin/t/inomedis/sso', form)).status).toBe(303);

    const c = new AdminClient(h);
    expect((await c.get(callbackPath(await throughProvider(c, 'newcomer')))).status).toBe(200);
    const [m] = await h.db.owner.query(`SELECT m.role, m.sso_subject FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'newcomer@ino.test' AND m.tenant_id = $1`, [ino]);
    expect(m).toEqual({ role: 'auditor', sso_subject: 'newcomer' });
    expect((await audits('membership.created')).at(-1)!.details).toMatchObject({ justInTime: true, role: 'auditor' });
    expect((await audits('auth.login')).at(-1)!.details).toMatchObject({ matchedBy: 'created', jitRole: 'auditor' });
  });

  it('turned off, the sign-in page shows no button and a start is refused', async () => {
    const form = { providerName: 'Ino Test ID', issuer, clientId: 'regula', clientSecret: '', jitRole: 'none' };
    expect((await admin.submit('/admin/t/inomedis/sso', '/admin/t/inomedis/sso', form)).status).toBe(303);
    const login = await new AdminClient(h).get('/admin/login?tenant=inomedis');
    expect(login.text).not.toContain('/admin/sso/start/');
    const start = await new AdminClient(h).get('/admin/sso/start/inomedis');
    expect(start.status).toBe(404);
    expect(textOf(start.text)).toContain('Single sign-on is not set up for this organisation.');
  });
});
