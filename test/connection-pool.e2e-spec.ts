import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AfterCommit, DatabaseBusyError, TenantDb, dataSourceOptions, poolStats } from '@regula/platform';
import { REGULA_SCHEMA } from '../apps/schema';
import { createTestDatabase, TestDatabase } from './support/test-database';

/**
 * The connection pool's rules on a real PostgreSQL (issue 12, item 0), with
 * pools as small as one connection so a violation shows as a timeout, not as
 * load: after-commit work runs once the transaction's connection is back in
 * the pool; a connection asked for while holding one is counted; no
 * connection in time is DatabaseBusyError (503), not a hang.
 */
describe('connection pool', () => {
  let db: TestDatabase;
  const open: DataSource[] = [];
  const tenant = randomUUID();

  /** The application role's data source with `size` connections and a short connect timeout. */
  async function pool(size: number): Promise<{ ds: DataSource; tx: TenantDb; afterCommit: AfterCommit }> {
    const ds = await new DataSource(dataSourceOptions(db.appUrl, REGULA_SCHEMA, size, 'regula-pool-test', 1000)).initialize();
    open.push(ds);
    const afterCommit = new AfterCommit(ds);
    afterCommit.onModuleInit();
    return { ds, tx: new TenantDb(ds), afterCommit };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    for (const ds of open) await ds.destroy();
    await db?.drop();
  });

  it('runs after-commit work that queries on a pool of one connection (it waited for the connection its own transaction held)', async () => {
    const { ds, tx, afterCommit } = await pool(1);
    const seen: string[] = [];
    await tx.forTenant(tenant, async (em) => {
      await afterCommit.run(em, async () => {
        const [row] = await tx.forTenant(tenant, (em2) => em2.query(`SELECT current_setting('app.tenant_id') AS t`));
        seen.push(`work saw ${row.t === tenant ? 'its tenant' : row.t}`);
      });
      seen.push('transaction done');
    });
    seen.push('caller resumed');
    expect(seen).toEqual(['transaction done', 'work saw its tenant', 'caller resumed']);
    expect(poolStats(ds).secondConnectionWaits).toBe(0);
  });

  it('drops the after-commit work of a rolled-back transaction', async () => {
    const { tx, afterCommit } = await pool(1);
    let ran = 0;
    await expect(
      tx.forTenant(tenant, async (em) => {
        await afterCommit.run(em, async () => void ran++);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    await tx.forTenant(tenant, (em) => em.query('SELECT 1'));
    expect(ran).toBe(0);
  });

  it('counts a connection asked for while the same work holds one', async () => {
    const { ds, tx } = await pool(2);
    await tx.forTenant(tenant, async () => {
      await tx.forTenant(tenant, (inner) => inner.query('SELECT 1'));
      await ds.query('SELECT 1');
    });
    expect(poolStats(ds).secondConnectionWaits).toBe(2);
  });

  it('answers DatabaseBusyError (503, Retry-After) when no connection comes free in time', async () => {
    const { tx } = await pool(1);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const holding = new Promise<void>((r) => (started = r));
    const holder = tx.forTenant(tenant, async () => {
      started();
      await held;
    });
    await holding;
    const refused = await tx.forTenant(tenant, (em) => em.query('SELECT 1')).then(() => undefined, (e: unknown) => e);
    release();
    await holder;
    expect(refused).toBeInstanceOf(DatabaseBusyError);
    expect((refused as DatabaseBusyError).kind).toBe('unavailable'); // 503 with Retry-After (the API's DomainErrorFilter)
    expect((refused as DatabaseBusyError).retryAfterSeconds).toBeGreaterThan(0);
    // The pool is fine afterwards.
    await expect(tx.forTenant(tenant, (em) => em.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
  });
});
