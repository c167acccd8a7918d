import { DataSource, EntityManager } from 'typeorm';
import { TenantDb } from './tenant-db.service';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

/** A data source that answers the tenant listing and counts the transactions open at any moment. */
function fakeDataSource(ids: string[]) {
  const seen = { open: 0, queries: [] as string[] };
  const em = { query: async (sql: string) => (seen.queries.push(sql), ids.map((id) => ({ id }))) } as unknown as EntityManager;
  const ds = {
    driver: {},
    transaction: async <T>(work: (em: EntityManager) => Promise<T>): Promise<T> => {
      seen.open++;
      try {
        return await work(em);
      } finally {
        seen.open--;
      }
    },
  } as unknown as DataSource;
  return { ds, seen };
}

describe('TenantDb.forEachTenant (the sweeps\' one tenant loop)', () => {
  it('lists the tenants once, by slug, then runs the work for each outside the listing transaction', async () => {
    const { ds, seen } = fakeDataSource([A, B, C]);
    const ran: { id: string; open: number }[] = [];
    const count = await new TenantDb(ds).forEachTenant(async (id) => {
      ran.push({ id, open: seen.open });
    });
    expect(count).toBe(3);
    expect(seen.queries).toEqual(['SELECT id FROM tenants ORDER BY slug']);
    expect(ran).toEqual([{ id: A, open: 0 }, { id: B, open: 0 }, { id: C, open: 0 }]);
  });

  it('stops at a failing tenant and passes its error on (the job fails and is retried, as the sweeps did)', async () => {
    const { ds } = fakeDataSource([A, B, C]);
    const ran: string[] = [];
    const loop = new TenantDb(ds).forEachTenant(async (id) => {
      ran.push(id);
      if (id === B) throw new Error('tenant B broke');
    });
    await expect(loop).rejects.toThrow('tenant B broke');
    expect(ran).toEqual([A, B]);
  });

  it('runs nothing when there are no tenants', async () => {
    const { ds } = fakeDataSource([]);
    let calls = 0;
    expect(await new TenantDb(ds).forEachTenant(async () => void calls++)).toBe(0);
    expect(calls).toBe(0);
  });
});
