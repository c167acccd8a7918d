import { DataSource } from 'typeorm';
import { TenantDb, openDataSource } from '@regula/platform';
import { REGULA_SCHEMA } from '../apps/schema';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

/**
 * Tenant isolation, resting on the explicit tenant id and forced row-level
 * security: a token of tenant A can neither read nor change anything of tenant
 * B through any endpoint, and the database itself returns nothing to a query
 * run without a tenant set in its transaction.
 */
describe('tenant isolation', () => {
  let h: Harness;
  let tokenA: string;
  let app: DataSource;
  const A = 'inomedis';
  const B = 'micromedic';

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@a.test', { tenant: A, role: 'compliance-admin' });
    tokenA = await h.login('admin@a.test');
    app = await openDataSource(h.db.appUrl, REGULA_SCHEMA, 2, 'regula-test-app');
  });
  afterAll(async () => {
    await app?.destroy();
    await h?.close();
  });

  async function someRegisterKey(slug: string): Promise<string> {
    const [row] = await h.db.owner.query(`SELECT r.key FROM registers r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = $1 ORDER BY r.key LIMIT 1`, [slug]);
    return row.key;
  }

  it('lets A read its own tenant, registers, history and audit log', async () => {
    const key = await someRegisterKey(A);
    for (const path of [`/api/v1/tenants/${A}`, `/api/v1/tenants/${A}/registers`, `/api/v1/tenants/${A}/registers/${key}`, `/api/v1/tenants/${A}/registers/${key}/versions`, `/api/v1/tenants/${A}/registers/${key}/versions/1`, `/api/v1/tenants/${A}/audit`, `/api/v1/tenants/${A}/audit/verify`]) {
      const res = await h.http().get(path).set('Authorization', `Bearer ${tokenA}`);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
  });

  it("answers 404 for every route of B's, as if B did not exist", async () => {
    const key = await someRegisterKey(B);
    const paths = [`/api/v1/tenants/${B}`, `/api/v1/tenants/${B}/registers`, `/api/v1/tenants/${B}/registers/${key}`, `/api/v1/tenants/${B}/registers/${key}/versions`, `/api/v1/tenants/${B}/registers/${key}/versions/1`, `/api/v1/tenants/${B}/audit`, `/api/v1/tenants/${B}/audit/verify`];
    for (const path of paths) {
      const res = await h.http().get(path).set('Authorization', `Bearer ${tokenA}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(JSON.stringify(res.body)).not.toContain('Micromedic AB');
    }
    const unknown = await h.http().get('/api/v1/tenants/no-such-tenant').set('Authorization', `Bearer ${tokenA}`);
    expect(unknown.status).toBe(404);
  });

  it("answers 404 to A on every tenant-scoped route of the API, whatever the method", async () => {
    const keyB = await someRegisterKey(B);
    const doc = (await h.http().get('/api/docs/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const scoped = Object.entries(doc.paths).filter(([path]) => path.includes('{slug}'));
    expect(scoped.length).toBeGreaterThanOrEqual(7);
    for (const [template, methods] of scoped) {
      const path = template.replace('{slug}', B).replace('{key}', keyB).replace('{version}', '1').replace(/\{[^}]+\}/g, '1');
      for (const method of Object.keys(methods) as ('get' | 'post' | 'put' | 'patch' | 'delete')[]) {
        const res = await h.http()[method](path).set('Authorization', `Bearer ${tokenA}`).send({});
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      }
    }
  });

  it("does not find B's register through A's URL either", async () => {
    // A key only B has: a key both tenants share would find A's own register and prove nothing.
    const onlyB: { key: string }[] = await h.db.owner.query(
      `SELECT r.key FROM registers r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = $1
       EXCEPT SELECT r.key FROM registers r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = $2 ORDER BY 1`,
      [B, A],
    );
    expect(onlyB.length).toBeGreaterThan(0);
    const keyB = onlyB[0].key;
    const res = await h.http().get(`/api/v1/tenants/${A}/registers/${keyB}`).set('Authorization', `Bearer ${tokenA}`);
    expect(res.status).toBe(404);
  });

  it('lists only the tenants the user belongs to', async () => {
    const res = await h.http().get('/api/v1/tenants').set('Authorization', `Bearer ${tokenA}`);
    expect(res.status).toBe(200);
    expect(res.body.map((t: { slug: string }) => t.slug)).toEqual([A]);
  });

  it('returns no tenant rows to a query without tenant context, from every tenant table the app may read (RLS backstop)', async () => {
    // Every table with a tenant_id the app role can SELECT from, from the catalogue (rls-catalogue checks the policies themselves).
    const tables: { table: string }[] = await h.db.owner.query(
      `SELECT c.relname AS "table" FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
       WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND has_table_privilege('regula_app', c.oid, 'SELECT')
       ORDER BY 1`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(20);
    let rowsBehind = 0;
    for (const { table } of tables) {
      const [{ n }] = await app.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, n }).toEqual({ table, n: 0 });
      const [{ n: owned }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM ${table}`);
      rowsBehind += owned;
    }
    // There are rows to hide: the empty answers come from the policy, not from empty tables.
    const [{ n }] = await h.db.owner.query(`SELECT count(*)::int AS n FROM registers`);
    expect(n).toBeGreaterThan(0);
    expect(rowsBehind).toBeGreaterThan(n);
  });

  it("confines a transaction scoped to A: it cannot see, change or insert B's rows", async () => {
    const [{ id: tenantA }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [A]);
    const [{ id: tenantB }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [B]);
    await app.transaction(async (em) => {
      await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
      const seen: { tenant_id: string }[] = await em.query(`SELECT DISTINCT tenant_id FROM registers`);
      expect(seen.map((r) => r.tenant_id)).toEqual([tenantA]);
      const [, updated] = await em.query(`UPDATE registers SET current_version = current_version WHERE tenant_id = $1`, [tenantB]);
      expect(updated).toBe(0);
    });
    await expect(
      app.transaction(async (em) => {
        await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
        await em.query(`INSERT INTO registers (tenant_id, key, current_version) VALUES ($1, 'smuggled', 1)`, [tenantB]);
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('runs the app as a role that is neither superuser nor exempt from RLS', async () => {
    const [role] = await app.query(`SELECT current_user AS name, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(role).toEqual({ name: 'regula_app', rolsuper: false, rolbypassrls: false });
    await expect(app.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/permission denied/);
  });

  it("scopes a service's transaction to the tenant id it is given, and to nothing once it ends", async () => {
    // What services use (TenantDb, on the API's regula_app pool): the tenant comes only from the explicit id.
    const db = h.app.get(TenantDb);
    const [{ id: tenantA }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [A]);
    const seen: { tenant_id: string }[] = await db.forTenant(tenantA, (em) => em.query(`SELECT DISTINCT tenant_id FROM registers`));
    expect(seen.map((r) => r.tenant_id)).toEqual([tenantA]);
    const [{ n: unscoped }] = await db.unscoped((em) => em.query(`SELECT count(*)::int AS n FROM registers`));
    expect(unscoped).toBe(0);
    // The setting is transaction-local: the same connection, once the tenant's transaction committed, sees no tenant rows.
    const runner = app.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantA]);
      const [{ n: inside }] = await runner.query(`SELECT count(*)::int AS n FROM registers`);
      await runner.commitTransaction();
      const [{ n: after }] = await runner.query(`SELECT count(*)::int AS n FROM registers`);
      expect({ inside: inside > 0, after }).toEqual({ inside: true, after: 0 });
    } finally {
      await runner.release();
    }
  });
});
