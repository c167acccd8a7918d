import { Harness, startApi } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { createStaff } from './support/staff';

/**
 * The dashboard's users and permissions on real PostgreSQL and Redis: the
 * members; an auditor invited with gates and an end date signs in with the
 * one-time password shown once and sees only what the gates allow; an
 * auditor is never given a write permission; role change; revocation (404
 * afterwards); the last compliance admin cannot revoke or demote themselves;
 * auditors are refused every POST; another tenant's user is a 404. Every
 * change is audited, the password never.
 */
describe('admin dashboard: users and permissions', () => {
  let h: Harness;
  let tenantId: string;
  let adminId: string;
  let microAdminId: string;
  const client = () => new AdminClient(h);
  const USERS = '/admin/t/inomedis/users';

  beforeAll(async () => {
    h = await startApi();
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    adminId = await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    microAdminId = await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });
  });
  afterAll(() => h?.close());

  async function auditActions(action: string): Promise<{ details: Record<string, unknown> }[]> {
    return h.db.owner.query(`SELECT details FROM audit_log WHERE tenant_id = $1 AND action = $2 ORDER BY seq`, [tenantId, action]);
  }

  function inDays(days: number): string {
    return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  }

  it('lists the members with role, permissions, access end and last sign-in; not other tenants\' members', async () => {
    const c = client();
    await c.login('admin@ino.test');
    const page = await c.get(USERS);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain('admin@ino.test you');
    expect(text).toContain('auditor@ino.test');
    expect(text).not.toContain('admin@micro.test');
    expect(page.text).toMatch(new RegExp(`id="member-${adminId}">[\\s\\S]*?<td>compliance admin</td>[\\s\\S]*?all of the role&#x27;s[\\s\\S]*?no end date</td>\\s*<td>\\d`));
    expect(page.text).toContain(`action="${USERS}"`);
    expect(page.text).toContain('aria-current="page">Users<');
  });

  let invitedId: string;
  let password: string;
  const until = inDays(30);

  it('invites an auditor with gates and an end date: the one-time password is shown once, stored only hashed, never audited', async () => {
    const c = client();
    await c.login('admin@ino.test');
    const res = await c.submit(USERS, USERS, { email: ' New.Auditor@Ino.TEST ', role: 'auditor', gates: ['audit:read', 'exports:read'] as unknown as string, accessUntil: until });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    password = /<code id="one-time-password" class="secret">([^<]+)<\/code>/.exec(res.text)![1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(textOf(res.text)).toContain('new.auditor@ino.test is now a member (auditor, read only).');
    const [user] = await h.db.owner.query(`SELECT id, password_hash, must_change_password FROM users WHERE email = 'new.auditor@ino.test'`);
    invitedId = user.id;
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.must_change_password).toBe(true);
    const [m] = await h.db.owner.query(`SELECT role, permissions, access_until FROM memberships WHERE tenant_id = $1 AND user_id = $2`, [tenantId, invitedId]);
    expect(m.role).toBe('auditor');
    expect(m.permissions).toEqual(['tenant:read', 'audit:read', 'exports:read']);
    expect(new Date(m.access_until).toISOString().slice(0, 10)).toBe(until);
    const [created] = await auditActions('membership.created');
    expect(created.details).toMatchObject({ email: 'new.auditor@ino.test', role: 'auditor', userCreated: true, permissions: ['tenant:read', 'audit:read', 'exports:read'] });
    const [{ c: leaks }] = await h.db.owner.query(`SELECT count(*)::int AS c FROM audit_log WHERE details::text LIKE $1 OR actor LIKE $1`, [`%${password}%`]);
    expect(leaks).toBe(0);
    // The member's page shows the terms; the password is not shown again anywhere.
    const member = await c.get(`${USERS}/${invitedId}`);
    expect(member.status).toBe(200);
    expect(member.text).not.toContain(password);
    expect(textOf(member.text)).toContain('limited to 3');
    expect(textOf(member.text)).toContain('Auditors are read-only');
    expect(member.text).toContain(`name="accessUntil" value="${until}"`);
  });

  it('the invited auditor is sent to the password page everywhere until they replace the one-time password', async () => {
    const a = client();
    const login = await a.login('new.auditor@ino.test', password);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/admin/account/password');
    for (const path of ['/admin', '/admin/t/inomedis', '/admin/t/inomedis/audit', USERS, `${USERS}/${adminId}`, '/admin/t/micromedic']) {
      const res = await a.get(path);
      expect({ path, status: res.status, location: res.headers.location }).toEqual({ path, status: 303, location: '/admin/account/password' });
    }
    const form = await a.get('/admin/account/password');
    expect(form.status).toBe(200);
    expect(textOf(form.text)).toContain('Your account still has the one-time password it was created with.');
    // A form of another page is refused the same way, and changes nothing.
    const invite = await a.post(USERS, { email: 'x@ino.test', role: 'auditor', _csrf: AdminClient.csrfOf(form.text) });
    expect(invite.status).toBe(303);
    expect(invite.headers.location).toBe('/admin/account/password');
    const [{ c: none }] = await h.db.owner.query(`SELECT count(*)::int AS c FROM users WHERE email = 'x@ino.test'`);
    expect(none).toBe(0);
    const changed = await a.submit('/admin/account/password', '/admin/account/password', { current: password, password: 'the auditor passphrase', confirm: 'the auditor passphrase' });
    expect(changed.status).toBe(303);
    const done = await a.get(changed.headers.location);
    expect(textOf(done.text)).toContain('Your password was changed.');
    expect(textOf(done.text)).not.toContain('Your account still has the one-time password');
    expect((await a.get('/admin/t/inomedis')).status).toBe(200);
    const [u] = await h.db.owner.query(`SELECT must_change_password FROM users WHERE id = $1`, [invitedId]);
    expect(u.must_change_password).toBe(false);
    password = 'the auditor passphrase';
  });

  it('the invited auditor, with their own password, sees only the pages the gates allow', async () => {
    const a = client();
    const login = await a.login('new.auditor@ino.test', password);
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/admin');
    const home = await a.get('/admin/t/inomedis');
    expect(home.status).toBe(200);
    expect(home.text).toContain('href="/admin/t/inomedis/audit"');
    expect(home.text).not.toContain('href="/admin/t/inomedis/requests"');
    expect((await a.get('/admin/t/inomedis/audit')).status).toBe(200);
    expect((await a.get('/admin/t/inomedis/requests')).status).toBe(403);
    // Members are for who manages them: no Users in an auditor's menu, the page a 403, a POST too.
    expect(home.text).not.toContain(`href="${USERS}"`);
    const users = await a.get(USERS);
    expect(users.status).toBe(403);
    const invite = await a.post(USERS, { email: 'x@ino.test', role: 'auditor', _csrf: AdminClient.csrfOf(home.text) });
    expect(invite.status).toBe(403);
  });

  it('never gives an auditor a write permission: refused by name, with the values kept', async () => {
    const c = client();
    await c.login('admin@ino.test');
    const res = await c.submit(USERS, USERS, { email: 'writer@ino.test', role: 'auditor', gates: 'requests:write' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<title>Error:');
    expect(textOf(res.text)).toContain('Auditors are read-only: these permissions cannot be given to them: Act on rights requests.');
    expect(res.text).toContain('value="writer@ino.test"');
    expect(res.text).toMatch(/id="invite-gate-requests-write" name="gates" value="requests:write"[^>]* checked/);
    const [{ c: n }] = await h.db.owner.query(`SELECT count(*)::int AS c FROM users WHERE email = 'writer@ino.test'`);
    expect(n).toBe(0);
    const bad = await c.submit(USERS, USERS, { email: 'not an address', role: 'auditor' });
    expect(bad.status).toBe(400);
    const past = await c.submit(USERS, USERS, { email: 'late@ino.test', role: 'auditor', accessUntil: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(textOf(past.text)).toContain('the access end date must lie in the future');
  });

  it('changes the role: the auditor becomes a compliance admin with all the role\'s permissions, audited', async () => {
    const c = client();
    await c.login('admin@ino.test');
    const url = `${USERS}/${invitedId}`;
    const res = await c.submit(url, url, { role: 'compliance-admin', accessUntil: '' });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${url}?done=member-updated`);
    const page = await c.get(res.headers.location);
    expect(textOf(page.text)).toContain('The membership was changed.');
    expect(page.text).toContain('<dd id="member-role">compliance admin</dd>');
    const [m] = await h.db.owner.query(`SELECT role, permissions, access_until FROM memberships WHERE tenant_id = $1 AND user_id = $2`, [tenantId, invitedId]);
    expect(m).toEqual({ role: 'compliance-admin', permissions: null, access_until: null });
    const [updated] = await auditActions('membership.updated');
    expect(updated.details).toMatchObject({ userId: invitedId, before: { role: 'auditor' }, after: { role: 'compliance-admin', permissions: null, accessUntil: null } });
  });

  it("revokes a membership: the member's page is 404 afterwards, and so is the tenant for that user", async () => {
    const member = client();
    await member.login('new.auditor@ino.test', password);
    expect((await member.get('/admin/t/inomedis')).status).toBe(200);
    const c = client();
    await c.login('admin@ino.test');
    const url = `${USERS}/${invitedId}`;
    const res = await c.submit(url, `${url}/revoke`, {});
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${USERS}?done=member-revoked`);
    expect(textOf((await c.get(res.headers.location)).text)).toContain('Access was revoked.');
    expect((await c.get(url)).status).toBe(404);
    expect((await member.get('/admin/t/inomedis')).status).toBe(404);
    const [revoked] = await auditActions('membership.revoked');
    expect(revoked.details).toMatchObject({ userId: invitedId, email: 'new.auditor@ino.test' });
    const [{ c: left }] = await h.db.owner.query(`SELECT count(*)::int AS c FROM memberships WHERE user_id = $1`, [invitedId]);
    expect(left).toBe(0);
  });

  it('the last compliance admin can neither revoke nor demote nor limit themselves', async () => {
    const c = client();
    await c.login('admin@ino.test');
    const url = `${USERS}/${adminId}`;
    const page = await c.get(url);
    expect(textOf(page.text)).toContain('This removes your own access');
    const revoke = await c.submit(url, `${url}/revoke`, {});
    expect(revoke.status).toBe(409);
    expect(textOf(revoke.text)).toContain('Not possible: the controller must keep at least one compliance admin who can manage users.');
    const demote = await c.submit(url, url, { role: 'auditor' });
    expect(demote.status).toBe(409);
    const limit = await c.submit(url, url, { role: 'compliance-admin', gates: 'requests:read' });
    expect(limit.status).toBe(409);
    const end = await c.submit(url, url, { role: 'compliance-admin', accessUntil: '' });
    expect(end.status).toBe(303);
    const [m] = await h.db.owner.query(`SELECT role, permissions FROM memberships WHERE tenant_id = $1 AND user_id = $2`, [tenantId, adminId]);
    expect(m).toEqual({ role: 'compliance-admin', permissions: null });
  });

  it("an auditor's members pages and every POST are refused with 403, nothing changed", async () => {
    const a = client();
    await a.login('auditor@ino.test');
    const page = await a.get(`${USERS}/${adminId}`);
    expect(page.status).toBe(403);
    expect(page.text).not.toContain('admin@ino.test');
    const csrf = AdminClient.csrfOf((await a.get('/admin/t/inomedis')).text);
    const before = await h.db.owner.query(`SELECT count(*)::int AS c FROM audit_log WHERE tenant_id = $1 AND action LIKE 'membership.%'`, [tenantId]);
    for (const [path, form] of [[USERS, { email: 'sneaky@ino.test', role: 'compliance-admin' }], [`${USERS}/${adminId}`, { role: 'auditor' }], [`${USERS}/${adminId}/revoke`, {}]] as const) {
      const res = await a.post(path, { ...form, _csrf: csrf });
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
    }
    const after = await h.db.owner.query(`SELECT count(*)::int AS c FROM audit_log WHERE tenant_id = $1 AND action LIKE 'membership.%'`, [tenantId]);
    expect(after).toEqual(before);
  });

  it("answers another tenant's user id with 404, for pages and forms alike", async () => {
    const c = client();
    await c.login('admin@ino.test');
    expect((await c.get(`${USERS}/${microAdminId}`)).status).toBe(404);
    expect((await c.submit(USERS, `${USERS}/${microAdminId}`, { role: 'auditor' })).status).toBe(404);
    expect((await c.submit(USERS, `${USERS}/${microAdminId}/revoke`, {})).status).toBe(404);
    expect((await c.get(`${USERS}/not-a-uuid`)).status).toBe(404);
    const [m] = await h.db.owner.query(`SELECT role FROM memberships WHERE user_id = $1`, [microAdminId]);
    expect(m.role).toBe('compliance-admin');
  });

  it('inviting an existing account adds the membership without a password; a second time is refused', async () => {
    const c = client();
    await c.login('admin@ino.test');
    const res = await c.submit(USERS, USERS, { email: 'admin@micro.test', role: 'auditor' });
    expect(res.status).toBe(201);
    expect(res.text).not.toContain('one-time-password');
    expect(textOf(res.text)).toContain('This e-mail address already had an account');
    const again = await c.submit(USERS, USERS, { email: 'admin@micro.test', role: 'auditor' });
    expect(again.status).toBe(409);
    expect(textOf(again.text)).toContain('This e-mail address is already a member of this controller');
    // The Micromedic admin now opens both tenants, with their own password: Inomedis as an auditor (no members' pages there).
    const micro = client();
    await micro.login('admin@micro.test');
    expect((await micro.get('/admin/t/inomedis')).status).toBe(200);
    expect((await micro.get('/admin/t/inomedis/users')).status).toBe(403);
    expect((await micro.get('/admin/t/micromedic/users')).status).toBe(200);
  });
});
