import { Harness, startApi } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { signedInAdmin } from './support/admin-session';
import { queueBoardSignIn } from './support/queue-board';
import { createStaff } from './support/staff';

/**
 * The dashboard's session: sign-in through AuthService.login (generic error,
 * rate limit, audited), the regula_session cookie, CSRF tokens on every
 * form, sign-out, the own password, and tenant access by URL.
 */
describe('admin dashboard: session and tenant access', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startApi({ LOGIN_MAX_PER_EMAIL: '3' });
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
    await createStaff(h.db.owner, 'platform@regula.test', { platformAdmin: true });
    await createStaff(h.db.owner, 'password@ino.test', { tenant: 'inomedis' });
  });
  afterAll(async () => h?.close());

  it('redirects to the sign-in page, keeping only a relative /admin path as next', async () => {
    const c = new AdminClient(h);
    const res = await c.get('/admin/t/inomedis/requests?state=received');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/login?next=${encodeURIComponent('/admin/t/inomedis/requests?state=received')}`);
    const page = await c.get('/admin/login?next=https://evil.example/');
    expect(page.text).toContain('name="next" value="/admin"');
    const page2 = await c.get('/admin/login?next=//evil.example/admin');
    expect(page2.text).toContain('name="next" value="/admin"');
  });

  it('signs in: HttpOnly SameSite=Strict cookie on /admin, strict CSP, no script; one tenant goes straight to it', async () => {
    const c = new AdminClient(h);
    const form = await c.get('/admin/login');
    expect(form.status).toBe(200);
    expect(form.headers['content-security-policy']).toContain("default-src 'none'");
    expect(form.text).not.toContain('<script');
    expect(form.text).toContain('<a class="skip-link" href="#main">');
    const res = await c.post('/admin/login', { email: 'admin@ino.test', password: 'correct horse battery staple', _csrf: AdminClient.csrfOf(form.text), next: '/admin' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((x) => x.startsWith('regula_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/admin(;|$)/);
    expect(cookie).not.toMatch(/Secure/); // only in production
    const start = await c.get('/admin');
    expect(start.status).toBe(303);
    expect(start.headers.location).toBe('/admin/t/inomedis');
    const home = await c.get('/admin/t/inomedis');
    expect(home.status).toBe(200);
    expect(home.text).toContain('aria-current="page"');
    expect(home.text).toContain('href="/admin/t/inomedis/requests"');
    // The audit log has the sign-in.
    const [row] = await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'inomedis' AND a.action = 'auth.login'`);
    expect(row.n).toBeGreaterThan(0);
  });

  it('answers a wrong password and an unknown e-mail with the same generic message and no cookie', async () => {
    const c = new AdminClient(h, '203.0.113.20');
    const wrong = await c.login('admin@micro.test', 'not the password');
    const unknown = await c.login('nobody@nowhere.test', 'not the password');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(textOf(res.text)).toContain('The e-mail address or the password is not correct.');
      expect(c.cookies.has('regula_session')).toBe(false);
    }
    expect(wrong.text).toContain('value="admin@micro.test"');
  });

  it('limits sign-in attempts per e-mail: 429 with a localised message and Retry-After', async () => {
    const c = new AdminClient(h, '203.0.113.30');
    let last;
    for (let i = 0; i < 4; i++) last = await c.submit('/admin/login?lang=lv', '/admin/login', { email: 'auditor@ino.test', password: `wrong ${i}` });
    expect(last!.status).toBe(429);
    expect(last!.headers['retry-after']).toMatch(/^\d+$/);
    expect(last!.text).toContain('lang="lv"');
    expect(textOf(last!.text)).toContain('Pārāk daudz pieteikšanās mēģinājumu');
  });

  it('refuses a form without the CSRF token, or with another session\'s, and changes nothing', async () => {
    const c = new AdminClient(h);
    const noToken = await c.post('/admin/login', { email: 'admin@ino.test', password: 'correct horse battery staple' });
    expect(noToken.status).toBe(403);
    expect(c.cookies.has('regula_session')).toBe(false);

    await c.login('admin@ino.test');
    const other = await signedInAdmin(h, 'admin@ino.test');
    const theirToken = AdminClient.csrfOf((await other.get('/admin/t/inomedis')).text);
    for (const token of [undefined, 'forged', theirToken]) {
      const res = await c.post('/admin/logout', token ? { _csrf: token } : {});
      expect(res.status).toBe(403);
      expect(res.text).toContain('Not allowed');
    }
    expect((await c.get('/admin/t/inomedis')).status).toBe(200);
  });

  it('signs out: the cookie is cleared and the pages ask to sign in again', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const res = await c.submit('/admin/t/inomedis', '/admin/logout', {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin/login');
    expect((res.headers['set-cookie'] as unknown as string[]).some((x) => /^regula_session=;.*Max-Age=0/.test(x))).toBe(true);
    expect((await c.get('/admin/t/inomedis')).status).toBe(303);
  });

  it('signs out on the server: the old cookie value, replayed, gets the sign-in redirect, not the page; audited', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const other = await signedInAdmin(h, 'admin@ino.test');
    const stolen = c.cookies.get('regula_session')!;
    const token = decodeURIComponent(stolen).split('~')[0];
    const [{ n: before }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.logout'`);
    expect((await c.submit('/admin/t/inomedis', '/admin/logout', {})).status).toBe(303);
    const replay = new AdminClient(h);
    replay.cookies.set('regula_session', stolen);
    const res = await replay.get('/admin/t/inomedis');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/admin/login?next=${encodeURIComponent('/admin/t/inomedis')}`);
    // The same token is refused as a bearer token too; the other session of the user is not touched.
    expect((await h.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await other.get('/admin/t/inomedis')).status).toBe(200);
    const [{ n: after }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.logout'`);
    expect(after).toBe(before + 1);
  });

  it('changes the own password (wrong current password refused), then signs in with the new one', async () => {
    const c = await signedInAdmin(h, 'password@ino.test');
    const bad = await c.submit('/admin/account/password', '/admin/account/password', { current: 'wrong one here', password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('The current password is not correct.');
    const elsewhere = await signedInAdmin(h, 'password@ino.test');
    const before = c.cookies.get('regula_session')!;
    const ok = await c.submit('/admin/account/password', '/admin/account/password', { current: 'correct horse battery staple', password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    expect(ok.status).toBe(303);
    // This browser stays signed in with a new session; every other session (and the old cookie value) is signed out.
    expect(c.cookies.get('regula_session')).not.toBe(before);
    expect(textOf((await c.get(ok.headers.location)).text)).toContain('Your password was changed.');
    expect((await c.get('/admin/t/inomedis')).status).toBe(200);
    expect((await elsewhere.get('/admin/t/inomedis')).status).toBe(303);
    const replay = new AdminClient(h);
    replay.cookies.set('regula_session', before);
    expect((await replay.get('/admin/t/inomedis')).status).toBe(303);
    const again = new AdminClient(h, '203.0.113.40');
    expect((await again.login('password@ino.test', 'a brand new passphrase')).status).toBe(303);
  });

  it("answers another tenant's pages with the same 404 as an unknown tenant, without its name", async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    for (const path of ['/admin/t/micromedic', '/admin/t/micromedic/requests', '/admin/t/micromedic/requests/R-ABCD-EFGH', '/admin/t/no-such-tenant']) {
      const res = await c.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).toContain('Page not found');
      expect(res.text).not.toContain('Micromedic');
    }
    const post = await c.submit('/admin/t/inomedis', '/admin/t/micromedic/requests/R-ABCD-EFGH/message', { text: 'hello' });
    expect(post.status).toBe(404);
  });

  it('gives a platform admin the tenant list and a switcher to open any tenant', async () => {
    const c = await signedInAdmin(h, 'platform@regula.test');
    const start = await c.get('/admin');
    expect(start.status).toBe(200);
    for (const slug of ['inomedis', 'micromedic', 'softera-baltic', 'medical-management']) expect(start.text).toContain(`href="/admin/t/${slug}"`);
    const ino = await c.get('/admin/t/inomedis');
    expect(ino.status).toBe(200);
    expect(ino.text).toMatch(/<select id="tenant-switch" name="slug">[\s\S]*<option value="inomedis" selected>/);
    const sw = await c.get('/admin/t?slug=micromedic');
    expect(sw.status).toBe(303);
    expect(sw.headers.location).toBe('/admin/t/micromedic');
    const micro = await c.get('/admin/t/micromedic');
    expect(micro.status).toBe(200);
    expect(micro.text).toContain('<option value="micromedic" selected>');
    expect(micro.text).toContain('/t/micromedic/brand.css');
  });

  it("offers English and the tenant's languages, and remembers the choice", async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const lv = await c.get('/admin/t/inomedis?lang=lv');
    expect(lv.text).toContain('<html lang="lv">');
    expect(lv.text).toContain('hreflang="en"');
    expect(lv.text).not.toContain('hreflang="sv"');
    expect((await c.get('/admin/t/inomedis/requests')).text).toContain('<html lang="lv">');
  });

  it('keeps the queue board sign-in working next to the dashboard', async () => {
    const res = await h.http().get('/admin/queues/login');
    expect(res.status).toBe(200);
    expect(res.text).toContain('action="/admin/queues/login"');
  });

  it("signs the queue board's cookie out on the server too: replayed, it is refused", async () => {
    const login = await queueBoardSignIn(h, 'platform@regula.test');
    expect(login.status).toBe(303);
    const cookie = (login.headers['set-cookie'] as unknown as string[]).find((x) => x.startsWith('regula_admin='))!.split(';')[0];
    expect((await h.http().get('/admin/queues/api/queues').set('Cookie', cookie)).status).toBe(200);
    expect((await h.http().post('/admin/queues/logout').set('Cookie', cookie)).status).toBe(303);
    expect((await h.http().get('/admin/queues/api/queues').set('Cookie', cookie)).status).toBe(401);
  });
});
