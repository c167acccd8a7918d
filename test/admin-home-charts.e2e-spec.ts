import { randomBytes } from 'node:crypto';
import { HistoricRequests } from '@regula/requests';
import { Harness, startApi } from './support/api-harness';
import { textOf } from './support/admin-client';
import { signedInAdmin } from './support/admin-session';
import { createStaff } from './support/staff';

/**
 * The home page's charts on real PostgreSQL: requests and retention runs
 * written straight into the tables (months ago, last month, this month, and
 * some that must not count), then each chart's SVG (title, desc, the value
 * over each bar) and its table show the same, right figures.
 */
describe('admin dashboard: home charts', () => {
  let h: Harness;
  let ino: string;
  let micro: string;
  const now = new Date();
  const monthStart = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  /** Day `day` of the month `offset` months from now, 12:00 UTC (the same date in Riga). */
  const at = (offset: number, day: number) => new Date(monthStart(offset).getTime() + (day - 1) * 86_400_000 + 12 * 3_600_000);
  const long = (offset: number) => new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(monthStart(offset));
  const days = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 86_400_000;
  let n = 0;

  async function request(tenantId: string, type: string, state: string, receivedAt: Date, closedAt: Date | null = null): Promise<void> {
    const due = new Date(receivedAt.getTime() + 30 * 86_400_000);
    await h.db.owner.query(
      `INSERT INTO rights_requests (tenant_id, reference, type, state, requester_email, requester_name, locale, received_at, due_at, due_date, first_due_at, identity_method, status_token_hash, closed_at)
       VALUES ($1, $2, $3, $4, $5, 'Chart Subject', 'en', $6, $7::timestamptz, ($7::timestamptz)::date, $7::timestamptz, 'email-link', $8, $9)`,
      [tenantId, `R-TEST-${String(++n).padStart(4, '0')}`, type, state, `chart.${n}@example.test`, receivedAt, due, randomBytes(32).toString('hex'), closedAt],
    );
  }

  async function run(tenantId: string, startedAt: Date, erased: number[]): Promise<void> {
    const [{ id }] = await h.db.owner.query(
      `INSERT INTO retention_runs (tenant_id, trigger, requested_by, status, cutoff, started_at, finished_at, records_erased)
       VALUES ($1, 'schedule', 'test', 'completed', $2, $2, $2, $3) RETURNING id`,
      [tenantId, startedAt, erased.reduce((a, b) => a + b, 0)],
    );
    for (const [i, e] of erased.entries()) {
      await h.db.owner.query(`INSERT INTO retention_run_counts (run_id, tenant_id, register_key, category_id, erased) VALUES ($1, $2, $3, 'contact', $4)`, [id, tenantId, `register-${i}`, e]);
    }
  }

  // Late: received on the 5th two months ago, answered on the 15th last month (due 30 days after receipt).
  const lateReceived = at(-2, 5);
  const lateClosed = at(-1, 15);

  beforeAll(async () => {
    h = await startApi();
    [{ id: ino }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    [{ id: micro }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'micromedic'`);
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'reader@ino.test', { tenant: 'inomedis', role: 'auditor', permissions: ['tenant:read', 'requests:read'] });
    await createStaff(h.db.owner, 'nobody@ino.test', { tenant: 'inomedis', role: 'auditor', permissions: ['tenant:read', 'audit:read'] });
    await createStaff(h.db.owner, 'admin@micro.test', { tenant: 'micromedic' });

    await request(ino, 'access', 'completed', at(-2, 5), at(-2, 15)); // on time, 10 days
    await request(ino, 'access', 'completed', lateReceived, lateClosed); // late
    await request(ino, 'erasure', 'in-progress', at(-2, 6));
    await request(ino, 'erasure', 'completed', at(-1, 2), at(-1, 15)); // on time, 13 days
    await request(ino, 'access', 'refused', at(-1, 3), at(-1, 10)); // an answer, but not completed
    await request(ino, 'rectification', 'received', new Date(now.getTime() - 60_000));
    await request(ino, 'access', 'completed', at(-13, 5), at(-13, 6)); // before the 12 months
    await request(micro, 'access', 'completed', at(-1, 5), at(-1, 6)); // another tenant
    // Micromedic's past, imported (the history import's writer): they count like any request.
    await h.app.get(HistoricRequests).insert(micro, {
      sha256: 'a'.repeat(64), fileName: 'past.csv', held: false,
      requests: [
        { reference: null, type: 'access', channel: 'e-mail', identityMethod: 'signed-written-request', receivedAt: at(-3, 4), identityVerifiedAt: null, state: 'completed', closedAt: at(-3, 10), extendedAt: null },
        { reference: null, type: 'erasure', channel: 'post', identityMethod: 'signed-written-request', receivedAt: at(-3, 6), identityVerifiedAt: null, state: 'completed', closedAt: at(-2, 20), extendedAt: null },
      ],
    }, { userId: null, label: 'test' }, now);
    // Ten new requests at Micromedic, nobody on them (a Latvian "zero" plural: 10).
    for (let i = 0; i < 10; i++) await request(micro, 'access', 'received', new Date(now.getTime() - 60_000));

    await run(ino, at(-1, 10), [5, 2]);
    await run(ino, new Date(now.getTime() - 60_000), [4]);
    await run(ino, at(-13, 10), [100]);
    await run(micro, at(-1, 10), [50]);
  });
  afterAll(() => h?.close());

  function svgOf(html: string, id: string): string {
    const m = new RegExp(`<svg [^>]*id="${id}">[\\s\\S]*?</svg>`).exec(html);
    if (!m) throw new Error(`no chart ${id}`);
    return m[0];
  }
  const values = (svg: string) => [...svg.matchAll(/<text class="value"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  function tableOf(html: string, id: string): string[][] {
    const m = new RegExp(`<div class="visually-hidden">\\s*<table class="data" id="${id}-table">([\\s\\S]*?)</table>`).exec(html);
    if (!m) throw new Error(`no table ${id}`);
    return [...m[1].matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((c) => c[1]));
  }
  /** Twelve months, oldest first, with `fill` except where given. */
  const months = (fill: string, at: Record<number, string>) => Array.from({ length: 12 }, (_, i) => at[i - 11] ?? fill);

  let page: string;

  it('draws the requests per month by type as stacked bars, with a title, a description and the same figures in a table', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const res = await c.get('/admin/t/inomedis');
    expect(res.status).toBe(200);
    page = res.text;
    expect(textOf(page)).toContain('Requests in the last 12 months (6)');
    const svg = svgOf(page, 'chart-requests');
    expect(svg).toMatch(/role="img" aria-labelledby="chart-requests-title chart-requests-desc"/);
    expect(svg).toContain('<title id="chart-requests-title">Requests received per month, by type</title>');
    expect(svg).toContain(`<desc id="chart-requests-desc">Stacked bars, ${long(-11)} to ${long(0)}: 6 requests in all, most in ${long(-2)} (3).`);
    expect(values(svg)).toEqual(months('0', { [-2]: '3', [-1]: '2', 0: '1' }));
    expect([...svg.matchAll(/<text class="legend"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(['Access', 'Rectification', 'Erasure']);
    const table = tableOf(page, 'chart-requests');
    expect(table[0]).toEqual(['Month', 'Access', 'Rectification', 'Erasure', 'Total']);
    expect(table).toHaveLength(13);
    expect(table[10]).toEqual([long(-2), '2', '0', '1', '3']);
    expect(table[11]).toEqual([long(-1), '1', '0', '1', '2']);
    expect(table[12]).toEqual([long(0), '0', '1', '0', '1']);
  });

  it('on-time share and median days per month of completion (completed requests only)', () => {
    const onTime = svgOf(page, 'chart-on-time');
    expect(onTime).toContain('<title id="chart-on-time-title">Share answered on time</title>');
    expect(onTime).toContain('over the whole period 2 of 3 (66.7%)');
    expect(values(onTime)).toEqual(months('–', { [-2]: '100%', [-1]: '50%' }));
    const t1 = tableOf(page, 'chart-on-time');
    expect(t1[0]).toEqual(['Month', 'Completed', 'On time', 'Share on time']);
    expect(t1[10]).toEqual([long(-2), '1', '1', '100%']);
    expect(t1[11]).toEqual([long(-1), '2', '1', '50%']);
    expect(t1[12]).toEqual([long(0), '0', '0', '–']);

    const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
    const lastMonth = fmt.format(Math.round(((days(lateReceived, lateClosed) + 13) / 2) * 10) / 10);
    const median = svgOf(page, 'chart-median');
    expect(values(median)).toEqual(months('–', { [-2]: '10', [-1]: lastMonth }));
    expect(median).toContain('over the whole period 13 days');
    const t2 = tableOf(page, 'chart-median');
    expect(t2[10]).toEqual([long(-2), '1', '10']);
    expect(t2[11]).toEqual([long(-1), '2', lastMonth]);
  });

  it("retention erasures per month from the runs' counts, this tenant's only", () => {
    const svg = svgOf(page, 'chart-erasures');
    expect(svg).toContain('<title id="chart-erasures-title">Records erased by retention runs</title>');
    expect(svg).toContain('11 records erased in all');
    expect(values(svg)).toEqual(months('0', { [-1]: '7', 0: '4' }));
    expect(tableOf(page, 'chart-erasures')[12]).toEqual([long(0), '4']);
  });

  it('no script in the charts; without retention:read no erasures chart; without requests:read no charts', async () => {
    expect(page).not.toMatch(/<script/i);
    const reader = await signedInAdmin(h, 'reader@ino.test');
    const limited = (await reader.get('/admin/t/inomedis')).text;
    expect(limited).toContain('id="chart-requests"');
    expect(limited).not.toContain('id="chart-erasures"');
    const nobody = await signedInAdmin(h, 'nobody@ino.test');
    expect((await nobody.get('/admin/t/inomedis')).text).not.toContain('id="chart-requests"');
  });

  it('in Latvian (a language of the tenant): month names, labels and numbers of the page language', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const lv = (await c.get('/admin/t/inomedis?lang=lv')).text;
    expect(svgOf(lv, 'chart-requests')).toContain('<title id="chart-requests-title">Saņemtie pieprasījumi mēnesī pa veidiem</title>');
    const lvMonth = new Intl.DateTimeFormat('lv', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(monthStart(-1));
    expect(tableOf(lv, 'chart-on-time')[11]).toEqual([lvMonth, '2', '1', new Intl.NumberFormat('lv', { style: 'percent' }).format(0.5)]);
  });

  it('counts imported requests of the past in the charts like any other', async () => {
    const c = await signedInAdmin(h, 'admin@micro.test');
    const micro = (await c.get('/admin/t/micromedic')).text;
    expect(values(svgOf(micro, 'chart-requests'))).toEqual(months('0', { [-3]: '2', [-1]: '1', 0: '10' }));
    // completed at -3 (6 days: on time) and at -2 (late), and the one of last month
    expect(tableOf(micro, 'chart-on-time').slice(9)).toEqual([[long(-3), '1', '1', '100%'], [long(-2), '1', '0', '0%'], [long(-1), '1', '1', '100%'], [long(0), '0', '0', '–']]);
  });

  it('lists what needs action today first: a count and a link to the filtered list each, only what the member may open; Latvian plurals', async () => {
    const c = await signedInAdmin(h, 'admin@ino.test');
    const home = await c.get('/admin/t/inomedis');
    const today = /<section class="home-section" aria-labelledby="h-today">([\s\S]*?)<\/section>/.exec(home.text)![1];
    expect(home.text.indexOf('id="h-today"')).toBeLessThan(home.text.indexOf('id="h-overdue"'));
    const lines = (html: string) => [...html.matchAll(/<li id="today-([a-z-A-Z]+)"><a href="([^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2].replace(/&amp;/g, '&').replace(/&#x3D;/g, '='), m[3]]);
    const en = lines(today);
    // The rectification just received, the erasure in progress since two months ago (overdue), neither handled.
    expect(en.filter(([id]) => id !== 'facts')).toEqual([
      ['received', '/admin/t/inomedis/requests?state=received', '1 new request nobody has acted on'],
      ['unassigned', '/admin/t/inomedis/requests?unassigned=1', '2 open requests without a handler'],
      ['overdue', '/admin/t/inomedis/requests?overdue=1', '1 request past its deadline'],
    ]);
    // Each link opens the list it counts.
    for (const [id, href] of en.filter(([i]) => i !== 'facts')) {
      const list = await c.get(href);
      expect({ id, rows: (list.text.match(/<tr class="urgency-/g) ?? []).length }).toEqual({ id, rows: Number(en.find(([x]) => x === id)![2].split(' ')[0]) });
    }
    const facts = en.find(([id]) => id === 'facts');
    if (facts) expect(facts[1]).toBe('/admin/t/inomedis/facts');

    const lv = lines((await c.get('/admin/t/inomedis?lang=lv')).text);
    expect(lv.slice(0, 3).map(([, , label]) => label)).toEqual([
      '1 jauns pieprasījums, ar kuru vēl neviens nav strādājis', '2 atvērti pieprasījumi bez izskatītāja', '1 pieprasījums ar nokavētu termiņu',
    ]);
    const m = await signedInAdmin(h, 'admin@micro.test');
    const microSv = lines((await m.get('/admin/t/micromedic?lang=sv')).text);
    expect(microSv.find(([id]) => id === 'received')![2]).toBe('10 nya begäranden som ingen har hanterat');
    // Latvian's third form: 10 and 11 (the "zero" category).
    for (let i = 0; i < 9; i++) await request(ino, 'access', 'received', new Date(now.getTime() - 60_000));
    const lv10 = lines((await c.get('/admin/t/inomedis?lang=lv')).text);
    expect(lv10.slice(0, 2).map(([, , label]) => label)).toEqual(['10 jaunu pieprasījumu, ar kuriem vēl neviens nav strādājis', '11 atvērtu pieprasījumu bez izskatītāja']);
    // Who may read requests only sees the requests' lines; who may not, none of them.
    const reader = lines((await (await signedInAdmin(h, 'reader@ino.test')).get('/admin/t/inomedis')).text);
    expect(reader.map(([id]) => id)).toEqual(['received', 'unassigned', 'overdue']);
    expect(reader[0][2]).toBe('10 new requests nobody has acted on');
    const nobody = (await (await signedInAdmin(h, 'nobody@ino.test')).get('/admin/t/inomedis')).text;
    expect(lines(nobody)).toEqual([]);
    expect(textOf(nobody)).toContain('Nothing needs action today.');
  });
});
