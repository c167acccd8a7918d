import { PasswordService, MembershipsService, SignInThrottle } from '@regula/auth';
import { Harness, startApi, DEMO_PASSWORD } from './support/api-harness';
import { createStaff } from './support/staff';
import { AdminClient, textOf } from './support/admin-client';
import { Mailbox } from './support/mailbox';

/**
 * Issue 12, items 4, 5 and 9: the per-account limit holds under concurrency,
 * nobody can lock an account (a doubling backoff, a one-time sign-in link by
 * e-mail gets past it), and new passwords are checked against common ones,
 * trivial patterns and the account's own data. Time moves through the
 * throttle's clock (never by waiting).
 */
describe('sign-in limits', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let now = Date.parse('2030-03-04T10:00:00Z');
  const login = (email: string, password: string, ip = '203.0.113.1', signInLink?: string) =>
    h.http().post('/api/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password, ...(signInLink ? { signInLink } : {}) });
  /** The sign-in e-mails `to` received (what is pending is sent first, its link minted then), oldest first. */
  const outbox = async (to: string) => {
    await mailbox.deliver(h);
    const ids: { id: string }[] = await h.db.owner.query(`SELECT id FROM outbox_emails WHERE to_address = $1 AND template = 'sign-in-attempts'`, [to]);
    const mine = new Set(ids.map((r) => r.id));
    return mailbox.received().filter((m) => mine.has(m.emailId)).map((m) => ({ body_text: m.text, subject: m.subject, emailId: m.emailId }));
  };
  const linkIn = (text: string) => /\/admin\/login\?link=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  const fail = async (email: string, n: number, ip = '203.0.113.1') => {
    for (let i = 0; i < n; i++) expect((await login(email, `wrong password ${i}`, ip)).status).toBe(401);
  };

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    h = await startApi({ SMTP_URL: mailbox.smtpUrl, LOGIN_MAX_PER_EMAIL: '5', LOGIN_MAX_PER_IP: '1000', LOGIN_BACKOFF_SECONDS: '30', LOGIN_BACKOFF_MAX_SECONDS: '900', TRUST_PROXY: 'true' });
    jest.spyOn(h.app.get(SignInThrottle), 'now').mockImplementation(() => now);
    for (const e of ['burst', 'victim', 'linked', 'dash', 'changer', 'weak']) await createStaff(h.db.owner, `${e}@softera.test`, { tenant: 'softera-baltic' });
    await createStaff(h.db.owner, 'root@regula.test', { platformAdmin: true });
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
  });

  it('15 simultaneous wrong passwords for one address: at most 5 reach argon2, the rest 429 with Retry-After (item 4)', async () => {
    const verify = jest.spyOn(h.app.get(PasswordService), 'verify');
    const all = await Promise.all(Array.from({ length: 15 }, (_, i) => login('burst@softera.test', `wrong password ${i}`)));
    const checked = all.filter((r) => r.status === 401).length;
    const refused = all.filter((r) => r.status === 429);
    expect(verify.mock.calls.length).toBeLessThanOrEqual(5);
    expect(checked).toBe(verify.mock.calls.length);
    expect(refused.length).toBe(15 - checked);
    for (const r of refused) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    verify.mockRestore();
  });

  it('wrong passwords from one address slow the account down, never lock it: the right password from elsewhere works once the wait has passed (item 5)', async () => {
    await fail('victim@softera.test', 5, '198.51.100.66');
    const early = await login('victim@softera.test', DEMO_PASSWORD, '203.0.113.50');
    expect(early.status).toBe(429);
    expect(Number(early.headers['retry-after'])).toBe(30);
    now += 31_000;
    expect((await login('victim@softera.test', DEMO_PASSWORD, '203.0.113.50')).status).toBe(200);
    // A success clears the account's failures: five free attempts again.
    await fail('victim@softera.test', 5, '198.51.100.66');
    now += 31_000;
    // Each further failure doubles the wait.
    await fail('victim@softera.test', 1, '198.51.100.66');
    expect(Number((await login('victim@softera.test', DEMO_PASSWORD)).headers['retry-after'])).toBe(60);
    now += 61_000;
    await fail('victim@softera.test', 1, '198.51.100.66');
    expect(Number((await login('victim@softera.test', DEMO_PASSWORD)).headers['retry-after'])).toBe(120);
    now += 121_000;
    expect((await login('victim@softera.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it('tells the account by e-mail when the backoff starts, with a one-time link that gets past it once (item 5)', async () => {
    await fail('linked@softera.test', 4);
    expect(await outbox('linked@softera.test')).toHaveLength(0);
    await fail('linked@softera.test', 1);
    const mails = await outbox('linked@softera.test');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toMatch(/5/);
    expect(mails[0].body_text).toContain('linked@softera.test');
    const link = linkIn(mails[0].body_text);
    expect(link).toBeDefined();
    // Minted when the e-mail was sent: the stored e-mail never holds it.
    const [row] = await h.db.owner.query(`SELECT body_text FROM outbox_emails WHERE id = $1`, [mails[0].emailId]);
    expect(row.body_text).toContain('/admin/login?link=');
    expect(row.body_text).not.toContain(link);
    // Only the link's hash is kept.
    const redis = (h.app.get(SignInThrottle) as unknown as { redis: { keys(p: string): Promise<string[]> } }).redis;
    const stored = await redis.keys('regula:sign-in-link:*');
    expect(stored.some((k) => k.includes(link!))).toBe(false);
    expect((await login('linked@softera.test', DEMO_PASSWORD)).status).toBe(429);
    // The link skips the wait, once; the password is still checked.
    const viaLink = await login('linked@softera.test', DEMO_PASSWORD, '203.0.113.9', link);
    expect(viaLink.status).toBe(200);
    const again = await login('linked@softera.test', DEMO_PASSWORD, '203.0.113.9', link);
    expect(again.status).toBe(401);
    expect(again.body.message).toMatch(/sign-in link/);
    const [{ id }] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'linked@softera.test'`);
    const audit = await h.db.owner.query(`SELECT action, details FROM audit_log WHERE target_id = $1 AND action IN ('auth.sign-in-link-sent', 'auth.login') ORDER BY seq`, [id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['auth.sign-in-link-sent', 'auth.login']);
    expect(audit[1].details).toEqual({ signInLink: true });
    // A link with a wrong password is used up too: no free guesses.
    await fail('linked@softera.test', 5);
    const second = (await outbox('linked@softera.test'))[1];
    const link2 = linkIn(second.body_text)!;
    expect((await login('linked@softera.test', 'still wrong', '203.0.113.9', link2)).status).toBe(401);
    expect((await login('linked@softera.test', DEMO_PASSWORD, '203.0.113.9', link2)).status).toBe(401);
  });

  it('the dashboard signs in with the link: the page keeps it in the form, the form skips the wait', async () => {
    await fail('dash@softera.test', 5);
    const [mail] = await outbox('dash@softera.test');
    const link = linkIn(mail.body_text)!;
    const browser = new AdminClient(h);
    const page = await browser.get(`/admin/login?link=${link}&lang=et`);
    expect(page.text).toContain(`name="link" value="${link}"`);
    expect(textOf(page.text)).toContain('Avasite sisselogimislingi');
    const res = await browser.post('/admin/login', { email: 'dash@softera.test', password: DEMO_PASSWORD, link, _csrf: AdminClient.csrfOf(page.text) });
    expect(res.status).toBe(303);
    // Used: a second browser gets the page's own message, in its language.
    const other = new AdminClient(h, '203.0.113.11');
    const again = await other.get(`/admin/login?link=${link}&lang=et`);
    const refused = await other.post('/admin/login', { email: 'dash@softera.test', password: DEMO_PASSWORD, link, _csrf: AdminClient.csrfOf(again.text) });
    expect(refused.status).toBe(401);
    expect(textOf(refused.text)).toContain('Sisselogimislink ei kehti');
  });

  it('a platform admin is slowed down, not locked out, and told by a platform e-mail', async () => {
    await fail('root@regula.test', 5);
    expect((await login('root@regula.test', DEMO_PASSWORD)).status).toBe(429);
    const [mail, ...more] = await outbox('root@regula.test');
    expect(more).toHaveLength(0);
    expect(mail.body_text).toContain('because you are a platform administrator of Regula');
    expect(linkIn(mail.body_text)).toBeTruthy();
    const [row] = await h.db.owner.query(`SELECT tenant_id FROM outbox_emails WHERE to_address = 'root@regula.test'`);
    expect(row.tenant_id).toBeNull();
    now += 31_000;
    expect((await login('root@regula.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it('limits guesses of the current password on POST /auth/password with the same backoff (item 9)', async () => {
    const token = (await login('changer@softera.test', DEMO_PASSWORD)).body.accessToken as string;
    const change = (currentPassword: string) =>
      h.http().post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword, newPassword: 'a perfectly fine passphrase' });
    const verify = jest.spyOn(h.app.get(PasswordService), 'verify');
    const all = await Promise.all(Array.from({ length: 8 }, (_, i) => change(`guess number ${i}`)));
    expect(verify.mock.calls.length).toBeLessThanOrEqual(5);
    verify.mockRestore();
    expect(all.filter((r) => r.status === 429).length).toBe(8 - all.filter((r) => r.status === 401).length);
    const blocked = await change(DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('refuses weak new passwords with 400 naming the field and the reason (item 9)', async () => {
    const [tenant] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
    const [admin] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'weak@softera.test'`);
    const invited = await h.app.get(MembershipsService).invite(tenant.id, { userId: admin.id, label: 'weak@softera.test' }, { email: 'otp@softera.test', role: 'auditor', gates: null, accessUntil: null });
    const otp = invited.oneTimePassword!;
    const token = (await login('otp@softera.test', otp)).body.accessToken as string;
    const cases: [string, string][] = [
      ['aaaaaaaaaaaa', 'trivial'],
      ['abcdefghijklmn', 'trivial'],
      ['otp@softera.test', 'personal'],
      ['otp@softera.test2024', 'personal'],
      ['Softera Baltic 1!', 'personal'],
      [otp, 'same-as-current'],
      ['password1234', 'common'],
      ['iloveyou2024!!', 'common'],
    ];
    for (const [newPassword, reason] of cases) {
      const res = await h.http().post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: otp, newPassword });
      expect({ newPassword, status: res.status, reason: res.body.reason, field: res.body.field }).toEqual({ newPassword, status: 400, reason, field: 'newPassword' });
      expect(res.body.message[0]).toMatch(/^newPassword /);
    }
    const ok = await h.http().post('/api/v1/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: otp, newPassword: 'tulips on the quiet harbour' });
    expect(ok.status).toBe(204);
  });

  it('the dashboard names the reason in the page language', async () => {
    const browser = new AdminClient(h, '203.0.113.77');
    expect((await browser.login('weak@softera.test')).status).toBe(303);
    const page = await browser.get('/admin/account/password?lang=et');
    const res = await browser.post('/admin/account/password', { current: DEMO_PASSWORD, password: 'weak@softera.test', confirm: 'weak@softera.test', _csrf: AdminClient.csrfOf(page.text) });
    expect(res.status).toBe(400);
    expect(textOf(res.text)).toContain('see on koostatud teie enda andmetest');
  });
});
