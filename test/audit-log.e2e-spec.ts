import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';
import { tamperAuditEntry } from './support/audit-tamper';

/** The hash-chained audit log, verified through the API, tampered with as a superuser. */
describe('audit log', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@inomedis.test', { tenant: 'inomedis' });
    token = await h.login('admin@inomedis.test');
  });
  afterAll(() => h?.close());

  const get = (path: string) => h.http().get(`/api/v1/tenants/inomedis${path}`).set('Authorization', `Bearer ${token}`);

  it("lists the tenant's entries with the sync and the sign-in, chained", async () => {
    const res = await get('/audit?limit=1000');
    expect(res.status).toBe(200);
    const actions = res.body.map((e: { action: string }) => e.action);
    expect(actions).toContain('tenant.created');
    expect(actions).toContain('register.created');
    expect(actions[actions.length - 1]).toBe('auth.login');
    for (let i = 1; i < res.body.length; i++) expect(res.body[i].prevHash).toBe(res.body[i - 1].hash);
  });

  it('verifies an intact chain', async () => {
    const res = await get('/audit/verify');
    expect(res.body).toMatchObject({ ok: true });
    expect(res.body.entries).toBeGreaterThan(3);
  });

  it('names the first broken entry after tampering', async () => {
    const [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    await tamperAuditEntry(h.db.owner, tenantId, 3, `details = '{"forged": true}'`);
    const res = await get('/audit/verify');
    expect(res.body).toEqual({ ok: false, entries: expect.any(Number), brokenAt: 3, reason: 'hash-mismatch' });
  });

  it('refuses updates and deletes even by the owner while the trigger is on', async () => {
    await expect(h.db.owner.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only/);
  });

  it('audits failed sign-ins in the platform chain, hidden from tenants', async () => {
    await h.http().post('/api/v1/auth/login').send({ email: 'intruder@example.test', password: 'guess' });
    const [row] = await h.db.owner.query(`SELECT tenant_id, details FROM audit_log WHERE action = 'auth.login-failed' ORDER BY id DESC LIMIT 1`);
    expect(row).toEqual({ tenant_id: null, details: { email: 'intruder@example.test' } });
    const res = await get('/audit?limit=1000');
    expect(res.body.some((e: { action: string }) => e.action === 'auth.login-failed')).toBe(false);
  });
});
