import { BreachClockJobs, BreachesService } from '@regula/breaches';
import { ConsentEffectsService } from '@regula/consent';
import { Harness, startApi } from './support/api-harness';

const HOUR = 3_600_000;

/**
 * The breach and consent sweeps cost by what is due, not by what exists
 * (issue 16 §3): the breach sweep reads the breaches whose next clock step is
 * due (`breaches.clock_next_at`, partial index), the consent sweep the
 * withdrawals whose effect is not applied (partial index
 * `consents_effect_pending`, which holds nothing else).
 */
describe('the breach and consent sweeps read only what is due', () => {
  let h: Harness;
  let tenantId: string;

  beforeAll(async () => {
    h = await startApi();
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
  });
  afterAll(() => h?.close());

  async function planOf(sql: string, params: unknown[]): Promise<string> {
    const [{ 'QUERY PLAN': plan }] = await h.db.owner.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    return JSON.stringify(plan);
  }

  it('the breach sweep reads the breaches with a step due; each save stores the next step', async () => {
    const now = new Date();
    // 300 breaches whose clock stopped (the authority notified), 300 whose clock runs, aware from now on, a minute apart.
    await h.db.owner.query(
      `INSERT INTO breaches (tenant_id, reference, title, aware_at, deadline_at, nature, dpo_contact, status, created_by, risk, risk_reasoning, authority_notified_at, clock_next_at)
       SELECT $1, 'BR-' || lpad(g::text, 4, '0') || '-DONE', 'done', $2::timestamptz - interval '10 days', $2::timestamptz - interval '7 days', 'n', 'x', 'notified', 'test',
              'risk', 'r', $2::timestamptz - interval '8 days', NULL
         FROM generate_series(1, 300) g`,
      [tenantId, now],
    );
    await h.db.owner.query(
      `INSERT INTO breaches (tenant_id, reference, title, aware_at, deadline_at, nature, dpo_contact, status, created_by)
       SELECT $1, 'BR-' || lpad(g::text, 4, '0') || '-RUNS', 'runs', $2::timestamptz + g * interval '1 minute', $2::timestamptz + g * interval '1 minute' + interval '72 hours', 'n', 'x', 'open', 'test'
         FROM generate_series(1, 300) g`,
      [tenantId, now],
    );
    const jobs = h.app.get(BreachClockJobs);
    // Inserted without the service: planned once by the first sweep, then not read until a step is due.
    expect(await jobs.sweep(now)).toEqual({ steps: 0, read: 300 });
    expect(await jobs.sweep(now)).toEqual({ steps: 0, read: 0 });
    // 24 hours and 30 minutes on: the 48-hour reminders of the 30 breaches aware in the first half hour.
    const later = new Date(now.getTime() + 24 * HOUR + 30 * 60_000);
    expect(await jobs.sweep(later)).toEqual({ steps: 30, read: 30 });
    expect(await jobs.sweep(later)).toEqual({ steps: 0, read: 0 });
    await h.db.owner.query(`ANALYZE breaches`);
    expect(await planOf(`SELECT id FROM breaches WHERE tenant_id = $1 AND clock_next_at <= $2 AND NOT (id = ANY($3::uuid[])) ORDER BY clock_next_at LIMIT 500`, [tenantId, later, []]))
      .toContain('"Index Name":"breaches_clock_next"');

    // Recorded through the service: its next step stored at once; notified: none.
    const breaches = h.app.get(BreachesService);
    const actor = { userId: null, label: 'dpo@soft.test' };
    const b = await breaches.record(tenantId, actor, { title: 'Laptop lost', awareAt: new Date(now.getTime() - HOUR), nature: 'A laptop was lost.', dataCategories: [], subjectCategories: [] }, now);
    const next = async () => (await h.db.owner.query(`SELECT clock_next_at FROM breaches WHERE id = $1`, [b.id]))[0].clock_next_at;
    expect(await next()).toEqual(new Date(b.deadlineAt.getTime() - 48 * HOUR));
    await breaches.notifyAuthority(tenantId, b.id, actor, { notifiedAt: now, reference: 'DVI-1' }, now);
    expect(await next()).toBeNull();
  });

  it('the consent sweep reads the pending withdrawals on a partial index that holds nothing else', async () => {
    const [{ id: subjectId }] = await h.db.owner.query(`INSERT INTO data_subjects (tenant_id) VALUES ($1) RETURNING id`, [tenantId]);
    const insert = (n: number, withdrawn: boolean, applied: boolean) =>
      h.db.owner.query(
        `INSERT INTO consents (tenant_id, subject_id, register_key, purpose_id, given_at, channel, withdrawn_at, effect_applied_at)
         SELECT $1, $2, 'website', 'newsletter', now() - interval '1 year', 'web', ${withdrawn ? `now() - interval '1 day'` : 'NULL'}, ${applied ? 'now()' : 'NULL'}
           FROM generate_series(1, $3) g`,
        [tenantId, subjectId, n],
      );
    await insert(3000, false, false); // given, not withdrawn
    await insert(3000, true, true); // withdrawn, effect applied
    await insert(3, true, false); // withdrawn, effect not applied: due
    await h.db.owner.query(`ANALYZE consents`);
    // The sweep's query (ConsentEffectsService.sweep).
    const plan = await planOf(
      `SELECT id FROM consents WHERE tenant_id = $1 AND withdrawn_at IS NOT NULL AND effect_applied_at IS NULL ORDER BY COALESCE(withdrawal_effective_at, withdrawn_at) LIMIT 1000`,
      [tenantId],
    );
    expect(plan).toContain('"Index Name":"consents_effect_pending"');
    expect(plan).not.toContain('Seq Scan');
    const [{ n: indexed }] = await h.db.owner.query(
      `SELECT count(*)::int AS n FROM consents WHERE tenant_id = $1 AND withdrawn_at IS NOT NULL AND effect_applied_at IS NULL`,
      [tenantId],
    );
    expect(indexed).toBe(3);
    expect(await h.app.get(ConsentEffectsService).sweep()).toMatchObject({ applied: 3 });
  });
});
