import { JwtService } from '@nestjs/jwt';
import { MembershipsService } from '@regula/auth';
import { Harness, startApi, DEMO_PASSWORD } from './support/api-harness';
import { createStaff } from './support/staff';

describe('staff authentication', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startApi({ LOGIN_MAX_PER_EMAIL: '3', LOGIN_MAX_PER_IP: '1000' });
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    await createStaff(h.db.owner, 'auditor@softera.test', { tenant: 'softera-baltic', role: 'auditor' });
    await createStaff(h.db.owner, 'gated@softera.test', { tenant: 'softera-baltic', permissions: ['tenant:read'] });
    await createStaff(h.db.owner, 'limited@softera.test', { tenant: 'softera-baltic' });
    await createStaff(h.db.owner, 'expired@softera.test', { tenant: 'softera-baltic', role: 'auditor', accessUntil: new Date(Date.now() - 1000) });
    await createStaff(h.db.owner, 'root@regula.test', { platformAdmin: true });
  });
  afterAll(() => h?.close());

  const meWith = (token: string) => h.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`);

  it('signs in with e-mail and password and returns a bearer token and the memberships', async () => {
    const res = await h.http().post('/api/v1/auth/login').send({ email: 'Admin@Softera.test', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.tokenType).toBe('Bearer');
    expect(res.body.expiresIn).toBe(h.config.JWT_TTL_SECONDS);
    expect(res.body.user.memberships).toEqual([expect.objectContaining({ role: 'compliance-admin', permissions: expect.arrayContaining(['registers:write']) })]);
    const me = await h.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
    expect(me.body.email).toBe('admin@softera.test');
  });

  it('answers the same 401 for a wrong password and an unknown e-mail', async () => {
    const wrong = await h.http().post('/api/v1/auth/login').send({ email: 'auditor@softera.test', password: 'not the password' });
    const unknown = await h.http().post('/api/v1/auth/login').send({ email: 'nobody@softera.test', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rejects bad input with 400 naming the fields', async () => {
    const res = await h.http().post('/api/v1/auth/login').send({ email: 'not-an-email', extra: 1 });
    expect(res.status).toBe(400);
    const text = JSON.stringify(res.body.message);
    expect(text).toMatch(/email must be an email/);
    expect(text).toMatch(/password/);
    expect(text).toMatch(/property extra should not exist/);
  });

  it('requires a token (401) on every staff route', async () => {
    for (const path of ['/api/v1/auth/me', '/api/v1/tenants', '/api/v1/tenants/softera-baltic', '/api/v1/tenants/softera-baltic/registers']) {
      const res = await h.http().get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
    const forged = await h.http().get('/api/v1/tenants').set('Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad');
    expect(forged.status).toBe(401);
  });

  it('slows failed sign-ins per e-mail address down with 429 and Retry-After', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await h.http().post('/api/v1/auth/login').send({ email: 'limited@softera.test', password: 'wrong-' + i })).status).toBe(401);
    }
    // The right password too, until the account's wait has passed (a backoff, not a lock: test/sign-in-limits.e2e-spec.ts).
    const blocked = await h.http().post('/api/v1/auth/login').send({ email: 'limited@softera.test', password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('lets an auditor read but gates permissions per membership', async () => {
    const auditor = await h.login('auditor@softera.test');
    expect((await h.http().get('/api/v1/tenants/softera-baltic/registers').set('Authorization', `Bearer ${auditor}`)).status).toBe(200);
    const token = await h.login('gated@softera.test');
    expect((await h.http().get('/api/v1/tenants/softera-baltic').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    const res = await h.http().get('/api/v1/tenants/softera-baltic/registers').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/registers:read/);
  });

  it('ignores a membership whose access has ended', async () => {
    const token = await h.login('expired@softera.test');
    expect((await h.http().get('/api/v1/tenants/softera-baltic').set('Authorization', `Bearer ${token}`)).status).toBe(404);
  });

  it('lets a platform admin act in every tenant', async () => {
    const token = await h.login('root@regula.test');
    const list = await h.http().get('/api/v1/tenants').set('Authorization', `Bearer ${token}`);
    expect(list.body.map((t: { slug: string }) => t.slug).sort()).toEqual(['inomedis', 'medical-management', 'micromedic', 'softera-baltic']);
    const res = await h.http().get('/api/v1/tenants/inomedis').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body.access.role).toBe('platform-admin');
  });

  it('changes a password, audits it, and refuses the old one afterwards', async () => {
    await createStaff(h.db.owner, 'changer@softera.test', { tenant: 'softera-baltic' });
    const token = await h.login('changer@softera.test');
    const otherDevice = await h.login('changer@softera.test');
    const short = await h.http().post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    // A refused change revokes nothing.
    expect((await meWith(token)).status).toBe(200);
    const ok = await h.http().post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: DEMO_PASSWORD, newPassword: 'a much longer new passphrase' });
    expect(ok.status).toBe(204);
    // Every token issued before the change is refused, the one that made it included.
    for (const old of [token, otherDevice]) {
      expect((await meWith(old)).status).toBe(401);
      expect((await h.http().get('/api/v1/tenants').set('Authorization', `Bearer ${old}`)).status).toBe(401);
    }
    expect((await h.http().post('/api/v1/auth/login').send({ email: 'changer@softera.test', password: DEMO_PASSWORD })).status).toBe(401);
    const again = await h.http().post('/api/v1/auth/login').send({ email: 'changer@softera.test', password: 'a much longer new passphrase' });
    expect(again.status).toBe(200);
    expect((await meWith(again.body.accessToken)).body.email).toBe('changer@softera.test');
    const [row] = await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log a JOIN tenants t ON t.id = a.tenant_id WHERE t.slug = 'softera-baltic' AND a.action = 'auth.password-changed'`);
    expect(row.n).toBe(1);
  });

  it('signs a token out: the same bearer token is refused afterwards, other sessions stay; audited auth.logout', async () => {
    await createStaff(h.db.owner, 'leaver@softera.test', { tenant: 'softera-baltic' });
    const token = await h.login('leaver@softera.test');
    const other = await h.login('leaver@softera.test');
    expect((await meWith(token)).status).toBe(200);
    const out = await h.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`);
    expect(out.status).toBe(204);
    expect((await meWith(token)).status).toBe(401);
    expect((await h.http().get('/api/v1/tenants/softera-baltic').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    expect((await h.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`)).status).toBe(401);
    // The denylist entry lives exactly as long as the token would have.
    expect((await meWith(other)).status).toBe(200);
    const [{ id }] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'leaver@softera.test'`);
    const [row] = await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'auth.logout' AND actor_id = $1`, [id]);
    expect(row.n).toBe(1);
    // A new sign-in works.
    expect((await meWith(await h.login('leaver@softera.test'))).status).toBe(200);
  });

  it('signs out everywhere: every token of the account is refused, a new sign-in works', async () => {
    await createStaff(h.db.owner, 'everywhere@softera.test', { tenant: 'softera-baltic' });
    const a = await h.login('everywhere@softera.test');
    const b = await h.login('everywhere@softera.test');
    expect((await h.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${a}`).send({ everywhere: 'yes' })).status).toBe(400);
    expect((await h.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${a}`).send({ everywhere: true })).status).toBe(204);
    expect((await meWith(a)).status).toBe(401);
    expect((await meWith(b)).status).toBe(401);
    expect((await meWith(await h.login('everywhere@softera.test'))).status).toBe(200);
  });

  it('refuses a correctly signed token without an id (issued before tokens could be revoked)', async () => {
    const [{ id }] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'admin@softera.test'`);
    const legacy = new JwtService({ secret: h.config.JWT_SECRET }).sign({ sub: id, typ: 'access' }, { expiresIn: 600 });
    expect((await meWith(legacy)).status).toBe(401);
  });

  it('an invited account must change its one-time password: 403 everywhere but me, password and logout', async () => {
    const [admin] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'admin@softera.test'`);
    const [tenant] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    const invited = await h.app.get(MembershipsService).invite(tenant.id, { userId: admin.id, label: 'admin@softera.test (compliance-admin)' }, { email: 'invited@softera.test', role: 'auditor', gates: null, accessUntil: null });
    const login = await h.http().post('/api/v1/auth/login').send({ email: 'invited@softera.test', password: invited.oneTimePassword });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const token = login.body.accessToken as string;
    for (const path of ['/api/v1/tenants', '/api/v1/tenants/softera-baltic', '/api/v1/tenants/softera-baltic/registers', '/api/v1/tenants/softera-baltic/audit']) {
      const res = await h.http().get(path).set('Authorization', `Bearer ${token}`);
      expect({ path, status: res.status, message: res.body.message }).toEqual({ path, status: 403, message: 'password change required' });
    }
    const mine = await meWith(token);
    expect(mine.status).toBe(200);
    expect(mine.body.mustChangePassword).toBe(true);
    // Signing out is allowed too.
    const spare = (await h.http().post('/api/v1/auth/login').send({ email: 'invited@softera.test', password: invited.oneTimePassword })).body.accessToken;
    expect((await h.http().post('/api/v1/auth/logout').set('Authorization', `Bearer ${spare}`)).status).toBe(204);
    const changed = await h.http().post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: invited.oneTimePassword, newPassword: 'my own passphrase now' });
    expect(changed.status).toBe(204);
    expect((await meWith(token)).status).toBe(401);
    const fresh = await h.login('invited@softera.test', 'my own passphrase now');
    expect((await meWith(fresh)).body.mustChangePassword).toBe(false);
    expect((await h.http().get('/api/v1/tenants/softera-baltic/registers').set('Authorization', `Bearer ${fresh}`)).status).toBe(200);
    // Staff created otherwise never have to.
    expect((await meWith(await h.login('auditor@softera.test'))).body.mustChangePassword).toBe(false);
  });

  it('stores argon2id hashes, never the password', async () => {
    const [u] = await h.db.owner.query(`SELECT password_hash FROM users WHERE email = 'admin@softera.test'`);
    expect(u.password_hash).toMatch(/^\$argon2id\$/);
    expect(u.password_hash).not.toContain(DEMO_PASSWORD);
  });
});

// A separate app with a low per-IP limit. Passport keeps one global strategy
// registry, so two apps must not live in one test process at the same time.
describe('sign-in rate limit per IP address', () => {
  let h2: Harness;
  beforeAll(async () => {
    h2 = await startApi({ LOGIN_MAX_PER_IP: '4', LOGIN_MAX_PER_EMAIL: '100', TRUST_PROXY: 'true' });
  });
  afterAll(() => h2?.close());

  it('blocks an address after its attempts, and only that address', async () => {
    const attempt = (ip: string, i: number) => h2.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email: `x${i}@y.test`, password: 'p' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt('203.0.113.7', i)).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.slice(4)).toEqual([429, 429]);
    expect((await attempt('203.0.113.8', 99)).status).toBe(401);
  });
});
