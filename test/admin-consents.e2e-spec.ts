import { Harness } from './support/api-harness';
import { textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';

/**
 * The dashboard's consents and disclosure-log pages on real PostgreSQL, with
 * the demo data of Inomedis: counts per purpose, the four status filters (a
 * withdrawal pending or applied, a renewal required by a policy version),
 * subjects only by a masked e-mail address; the disclosure log by recipient
 * and period with paging; auditors read both; another tenant's slug 404.
 */
describe('admin dashboard: consents and disclosures', () => {
  let h: Harness;
  let ino: string;
  const q = (sql: string, params: unknown[] = []) => h.db.owner.query(sql, params);
  const admin = (email?: string) => signedInAdmin(h, email);
  const consents = '/admin/t/inomedis/consents';
  const disclosures = '/admin/t/inomedis/disclosures';

  beforeAll(async () => {
    ({ h, ino } = await startDashboardApi({ demoData: true }));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  const emails = async (): Promise<string[]> => (await q(`SELECT value FROM subject_identifiers WHERE tenant_id = $1 AND kind = 'email'`, [ino])).map((r: { value: string }) => r.value);

  it('lists consents with counts per purpose, subjects masked (never a full e-mail address)', async () => {
    const c = await admin();
    const res = await c.get(consents);
    expect(res.status).toBe(200);
    expect(res.text).toContain('aria-current="page">Consents<');
    const [{ total }] = await q(`SELECT count(*)::int AS total FROM consents WHERE tenant_id = $1`, [ino]);
    const perPurpose = [...res.text.matchAll(/<tr>\s*<th scope="row"><a href="\/admin\/t\/inomedis\/consents\?purpose(?:=|&#x3D;)[^"]+">[^<]+<\/a>[^<]*<span class="hint">[^<]*<\/span><\/th>\s*<td class="num">(\d+)<\/td>/g)];
    expect(perPurpose.length).toBeGreaterThan(0);
    expect(perPurpose.reduce((n, m) => n + Number(m[1]), 0)).toBe(total);
    expect(res.text).toMatch(/<th scope="row">[a-z0-9]\*\*\*@example\.lv<\/th>/);
    for (const e of await emails()) expect(res.text).not.toContain(e);
  });

  it('filters by status: withdrawn with the effect pending or applied (effective date shown), and renewal required with the policy version', async () => {
    const withdrawn: { id: string }[] = await q(`SELECT id FROM consents WHERE tenant_id = $1 AND withdrawn_at IS NOT NULL ORDER BY id`, [ino]);
    expect(withdrawn.length).toBeGreaterThan(1);
    await q(`UPDATE consents SET effect_applied_at = NULL WHERE tenant_id = $1`, [ino]);
    await q(`UPDATE consents SET effect_applied_at = now() WHERE id = $1`, [withdrawn[0].id]);
    const [active] = await q(`SELECT id, purpose_id FROM consents WHERE tenant_id = $1 AND withdrawn_at IS NULL ORDER BY id LIMIT 1`, [ino]);
    await q(`UPDATE consents SET renewal_required_at = now(), renewal_policy_version = 2 WHERE id = $1`, [active.id]);

    const c = await admin();
    const pending = await c.get(`${consents}?status=withdrawn-pending`);
    expect(pending.status).toBe(200);
    const pendingRows = pending.text.match(/<tr class="consent-[a-z-]+">/g) ?? [];
    expect(pendingRows.length).toBe(Math.min(50, withdrawn.length - 1));
    expect(new Set(pendingRows)).toEqual(new Set(['<tr class="consent-withdrawn-pending">']));
    expect(textOf(pending.text)).toMatch(/Withdrawn .+ in effect from .+ Effect not applied yet/);
    expect(pending.text).toContain('<option value="withdrawn-pending" selected>');

    const applied = await c.get(`${consents}?status=withdrawn-applied`);
    expect(applied.text.match(/<tr class="consent-[a-z-]+">/g)).toEqual(['<tr class="consent-withdrawn-applied">']);
    expect(textOf(applied.text)).toMatch(/Effect applied /);

    const renewal = await c.get(`${consents}?status=renewal-required`);
    expect(renewal.text.match(/<tr class="consent-[a-z-]+">/g)).toEqual(['<tr class="consent-active">']);
    expect(textOf(renewal.text)).toMatch(/ask again required by policy version 2 \(/);

    const [{ register_key: reg }] = await q(`SELECT register_key FROM consents WHERE id = $1`, [active.id]);
    const byPurpose = await c.get(`${consents}?purpose=${encodeURIComponent(`${reg}/${active.purpose_id}`)}`);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM consents WHERE tenant_id = $1 AND register_key = $2 AND purpose_id = $3`, [ino, reg, active.purpose_id]);
    expect((byPurpose.text.match(/<tr class="consent-[a-z-]+">/g) ?? []).length).toBe(Math.min(50, n));

    const junk = await c.get(`${consents}?status=%3Cscript%3E&purpose=../../x`);
    expect(junk.status).toBe(200);
    expect(junk.text).not.toContain('<script>');
  });

  it('shows the disclosure log newest first with recipient, register, categories and basis; filters by recipient and period; pages', async () => {
    const c = await admin();
    const res = await c.get(disclosures);
    expect(res.status).toBe(200);
    const [{ total }] = await q(`SELECT count(*)::int AS total FROM disclosures WHERE tenant_id = $1`, [ino]);
    expect(textOf(res.text)).toContain(`(${total} `);
    const rows = res.text.match(/<tr>\s*<th scope="row"><time datetime="([^"]+)"/g) ?? [];
    expect(rows.length).toBe(Math.min(50, total));
    const times = [...res.text.matchAll(/<th scope="row"><time datetime="([^"]+)"/g)].map((m) => m[1]);
    expect([...times].sort().reverse()).toEqual(times);
    for (const e of await emails()) expect(res.text).not.toContain(e);
    expect(res.text).toMatch(/<td>[a-z0-9]\*\*\*@example\.lv<\/td>/);
    // The demo data holds more than a page of disclosures: the second page is linked and served.
    expect(total).toBeGreaterThan(50);
    expect(res.text).toContain(`href="${disclosures}?page&#x3D;2" rel="next"`);
    expect((await c.get(`${disclosures}?page=2`)).status).toBe(200);

    const [one] = await q(`SELECT recipient_id, recipient_name, legal_basis FROM disclosures WHERE tenant_id = $1 ORDER BY disclosed_at DESC LIMIT 1`, [ino]);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM disclosures WHERE tenant_id = $1 AND recipient_id = $2`, [ino, one.recipient_id]);
    const byRecipient = await c.get(`${disclosures}?recipient=${encodeURIComponent(one.recipient_id)}`);
    expect(byRecipient.text.match(/<tr>\s*<th scope="row"><time/g)?.length).toBe(Math.min(50, n));
    expect(textOf(byRecipient.text)).toContain(one.recipient_name);
    if (one.legal_basis) expect(textOf(byRecipient.text)).toContain(one.legal_basis);

    const none = await c.get(`${disclosures}?from=2000-01-01&to=2000-01-31`);
    expect(textOf(none.text)).toContain('No disclosure matches.');
    const [{ first }] = await q(`SELECT to_char(min(disclosed_at) AT TIME ZONE 'Europe/Riga', 'YYYY-MM-DD') AS first FROM disclosures WHERE tenant_id = $1`, [ino]);
    const [{ m }] = await q(`SELECT count(*)::int AS m FROM disclosures WHERE tenant_id = $1 AND (disclosed_at AT TIME ZONE 'Europe/Riga')::date = $2::date`, [ino, first]);
    const day = await c.get(`${disclosures}?from=${first}&to=${first}`);
    expect(day.text.match(/<tr>\s*<th scope="row"><time/g)?.length).toBe(Math.min(50, m));

    const bad = await c.get(`${disclosures}?from=31.12.2026`);
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('dates are written YYYY-MM-DD');
  });

  it('an auditor reads both pages (no forms to act with); another tenant gets 404', async () => {
    const a = await admin('auditor@ino.test');
    for (const url of [consents, disclosures]) {
      const res = await a.get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.text).not.toContain('method="post" action="/admin/t/inomedis/');
    }
    const m = await admin('admin@micro.test');
    for (const url of [consents, disclosures]) expect((await m.get(url)).status).toBe(404);
    expect((await m.get('/admin/t/micromedic/consents')).status).toBe(200);
  });
});
