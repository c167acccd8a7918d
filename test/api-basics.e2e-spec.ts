import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

describe('API basics', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@mm.test', { tenant: 'medical-management' });
    token = await h.login('admin@mm.test');
  });
  afterAll(() => h?.close());

  it('reports PostgreSQL and Redis on /health', async () => {
    const res = await h.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });

  it('answers unknown routes with a 404 JSON body', async () => {
    const res = await h.http().get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.body).toMatchObject({ statusCode: 404 });
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const page = await h.http().get('/api/docs/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger');
    const doc = await h.http().get('/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/v1/auth/login', '/api/v1/tenants/{slug}', '/api/v1/tenants/{slug}/registers/{key}/versions', '/api/v1/tenants/{slug}/audit/verify']),
    );
  });

  it("returns a tenant's controller facts and its registers, versioned", async () => {
    const res = await h.http().get('/api/v1/tenants/medical-management').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ slug: 'medical-management', legalName: 'Medical Management OÜ', country: 'EE', timeZone: 'Europe/Tallinn' });
    expect(res.body.controller.registryCode).toBe('12273223');
    expect(res.body.controller.jurisdiction.authority.abbreviation).toBe('AKI');
    expect(res.body.registers.length).toBeGreaterThan(2);
    const regs = await h.http().get('/api/v1/tenants/medical-management/registers').set('Authorization', `Bearer ${token}`);
    expect(regs.body[0]).toMatchObject({ version: 1, retired: false, definition: expect.objectContaining({ purposes: expect.any(Array) }) });
  });

  it('validates route parameters with a 400 naming them', async () => {
    const res = await h.http().get('/api/v1/tenants/medical-management/registers/Bad_Key!').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.message)).toMatch(/key must be/);
    const v = await h.http().get('/api/v1/tenants/medical-management/registers/x/versions/abc').set('Authorization', `Bearer ${token}`);
    expect(v.status).toBe(400);
  });

  it('answers 404 for a register the tenant does not have', async () => {
    const res = await h.http().get('/api/v1/tenants/medical-management/registers/no-such-register').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(404);
  });

  it('sends no third-party origins and hardening headers', async () => {
    const res = await h.http().get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
