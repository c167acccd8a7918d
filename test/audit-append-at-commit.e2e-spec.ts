import { AuditChainJobs, AuditService, AuditAction } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { Harness, startApi } from './support/api-harness';

/**
 * The audit chain's entries join it at their transaction's commit (issue 16
 * §2): the chain's lock is taken then, not at the first append, so appends
 * of concurrent transactions do not wait for each other's work. Still: an
 * entry exists if and only if its transaction committed, the chain runs on
 * without gaps, in one order, each transaction's entries side by side.
 */
describe('audit entries appended at commit', () => {
  let h: Harness;
  let db: TenantDb;
  let audit: AuditService;
  let tenantId: string;

  beforeAll(async () => {
    h = await startApi();
    db = h.app.get(TenantDb);
    audit = h.app.get(AuditService);
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
  });
  afterAll(() => h?.close());

  const actions = async (like: string): Promise<string[]> =>
    (await h.db.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND action LIKE $2 ORDER BY seq`, [tenantId, like])).map((r: { action: string }) => r.action);
  const entry = (action: string, details: Record<string, unknown> = {}) => ({ tenantId, actorId: null, actor: 'test: at commit', action: action as AuditAction, details });

  it('writes a transaction\'s entries when it commits, none when it rolls back, and drops those of a savepoint rolled back', async () => {
    await db.forTenant(tenantId, async (em) => {
      await audit.append(em, entry('test.commit-1'));
      // Not yet in the chain: the transaction itself does not read it back.
      expect((await em.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.commit-1'`))[0].n).toBe(0);
      await audit.append(em, entry('test.commit-2'));
    });
    expect(await actions('test.commit-%')).toEqual(['test.commit-1', 'test.commit-2']);

    await expect(
      db.forTenant(tenantId, async (em) => {
        await audit.append(em, entry('test.rolled-back'));
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await actions('test.rolled-back')).toEqual([]);

    await db.forTenant(tenantId, async (em) => {
      await audit.append(em, entry('test.savepoint-outer'));
      await em.transaction((inner) => audit.append(inner, entry('test.savepoint-released')));
      await em
        .transaction(async (inner) => {
          await audit.append(inner, entry('test.savepoint-undone'));
          throw new Error('the inner step fails');
        })
        .catch(() => undefined);
    });
    expect(await actions('test.savepoint-%')).toEqual(['test.savepoint-outer', 'test.savepoint-released']);

    // Outside a transaction: written at once, in one of its own.
    await audit.append(h.db.owner.manager, entry('test.no-transaction'));
    expect(await actions('test.no-transaction')).toEqual(['test.no-transaction']);
    expect(await h.app.get(AuditChainJobs).verify(tenantId)).toMatchObject({ ok: true });
  });

  it('40 transactions appending at once: every entry once, the chain gap-free and verified, each transaction\'s entries side by side', async () => {
    const TX = 40;
    const pause = () => new Promise((r) => setTimeout(r, Math.random() * 20));
    await Promise.all(
      Array.from({ length: TX }, (_, t) =>
        db.forTenant(tenantId, async (em) => {
          await audit.append(em, entry('test.concurrent', { t, n: 1 }));
          // The rest of the transaction's work: it no longer holds the chain meanwhile.
          await pause();
          await em.query(`SELECT pg_sleep(0.005)`);
          await audit.append(em, entry('test.concurrent', { t, n: 2 }));
        }),
      ),
    );
    const rows: { seq: string; t: number; n: number }[] = await h.db.owner.query(
      `SELECT seq, (details->>'t')::int AS t, (details->>'n')::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'test.concurrent' ORDER BY seq`,
      [tenantId],
    );
    expect(rows).toHaveLength(2 * TX);
    expect(new Set(rows.map((r) => `${r.t}.${r.n}`)).size).toBe(2 * TX);
    for (let i = 0; i < rows.length; i += 2) {
      expect([rows[i].t, rows[i].n, rows[i + 1].t, rows[i + 1].n]).toEqual([rows[i].t, 1, rows[i].t, 2]);
      expect(Number(rows[i + 1].seq)).toBe(Number(rows[i].seq) + 1);
    }
    const [{ max, count }] = await h.db.owner.query(`SELECT max(seq)::int AS max, count(*)::int AS count FROM audit_log WHERE tenant_id = $1`, [tenantId]);
    expect(max).toBe(count);
    expect(await h.app.get(AuditChainJobs).verify(tenantId)).toMatchObject({ ok: true, entries: max });
  });

  it('a transaction with thousands of entries (a bulk job) joins the chain whole, past one statement\'s parameters', async () => {
    const N = 2_500;
    await db.forTenant(tenantId, async (em) => {
      for (let i = 0; i < N; i++) await audit.append(em, entry('test.bulk-at-commit', { i }));
    });
    const [{ n, first, last }] = await h.db.owner.query(
      `SELECT count(*)::int AS n, min(seq)::int AS first, max(seq)::int AS last FROM audit_log WHERE tenant_id = $1 AND action = 'test.bulk-at-commit'`,
      [tenantId],
    );
    expect({ n, span: last - first + 1 }).toEqual({ n: N, span: N });
    expect(await h.app.get(AuditChainJobs).verify(tenantId)).toMatchObject({ ok: true });
  });
});
