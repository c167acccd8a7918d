import { RegisterEditService, RegistersService } from '@regula/registers';
import type { Register } from '@regula/engine';
import { Harness } from './support/api-harness';
import { textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';
import { confirmAssumedFacts } from './support/demo-tenant';

/**
 * The dashboard's "To confirm" page on real PostgreSQL: the assumed and unknown
 * facts of a tenant by register, in the page language, with why and what rests
 * on them; confirming one (note required, a value required for an unknown one),
 * audited; the demo confirmation shown as such; auditors read only; another
 * tenant's page 404.
 */
describe('admin dashboard: facts to confirm', () => {
  let h: Harness;
  let ino: string;
  let micro: string;
  const page = '/admin/t/inomedis/facts';
  const paths = { basis: '', retention: '' };

  /** Marks a legal basis of Inomedis' clients register assumed and a retention rule unknown (a new register version). */
  async function plant(tenantId: string, key: string): Promise<{ basis: string; retention: string }> {
    const view = (await h.app.get(RegistersService).get(tenantId, key))!;
    const reg = structuredClone(view.definition) as unknown as Register;
    reg.purposes[0].legalBases[0].ref.push({ source: 'notice', provenance: 'assumed', note: 'planted: basis chosen by Regula' });
    reg.retention[0].ref.push({ source: 'notice', provenance: 'unknown', note: 'planted: nobody stated this period' });
    await h.app.get(RegisterEditService).saveVersion(tenantId, key, { definition: reg, changeSummary: 'planted for the test' }, { userId: null, label: 'test' });
    return { basis: `registers[${key}].purposes[${reg.purposes[0].id}].legalBases[0]`, retention: `registers[${key}].retention[${reg.retention[0].id}]` };
  }

  beforeAll(async () => {
    // Nothing confirmed yet: the tenants' own assumed facts are listed beside the planted ones.
    ({ h, ino, micro } = await startDashboardApi({ confirmFacts: false }));
    Object.assign(paths, await plant(ino, 'clients'));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('lists the facts waiting for a person in the page language, with why, what rests on them and a form each', async () => {
    const c = await signedInAdmin(h);
    const res = await c.get(`${page}?lang=lv`);
    expect(res.status).toBe(200);
    const text = textOf(res.text);
    expect(text).toContain('Apstiprināmie fakti');
    expect(text).toContain('Regula pieņēmums'); // assumed
    expect(text).toContain('nezināms'); // unknown
    expect(text).toContain('planted: basis chosen by Regula');
    expect(text).toContain('Nolūki un tiesiskie pamati'); // the policy section resting on the basis
    expect(text).toContain('Reģistrs:');
    expect(res.text).toContain(`value="${paths.basis}"`);
    expect(res.text).toMatch(/name="replacement"[^>]* required/); // the unknown fact needs a value
    expect(res.text).toContain('aria-current="page">Jāapstiprina<');
  });

  it('confirms a fact with a note (audited), refuses one without a note or an unknown one without a value, and shows the confirmation', async () => {
    const c = await signedInAdmin(h);
    const before = await c.get(page);
    const hashOf = (path: string) => new RegExp(`name="path" value="${path.replace(/[[\]()]/g, (m) => `\\${m}`)}">\\s*<input type="hidden" name="valueHash" value="([0-9a-f]{64})"`).exec(before.text)![1];
    const noNote = await c.submit(page, `${page}/confirm`, { path: paths.basis, valueHash: hashOf(paths.basis), note: '', replacement: '' });
    expect(noNote.status).toBe(400);
    expect(textOf(noNote.text)).toContain('note must be 3 to 2000 characters');
    const noValue = await c.submit(page, `${page}/confirm`, { path: paths.retention, valueHash: hashOf(paths.retention), note: 'checked with the clinic', replacement: '' });
    expect(noValue.status).toBe(400);
    expect(textOf(noValue.text)).toContain('replacement is required');
    expect(noValue.text).toContain('checked with the clinic'); // what was typed is kept

    const kept = await c.submit(page, `${page}/confirm`, { path: paths.basis, valueHash: hashOf(paths.basis), note: 'basis agreed with the DPO', replacement: '' });
    expect(kept.status).toBe(303);
    expect(kept.headers.location).toBe(`${page}?done=fact-confirmed#fact-registers-clients-purposes-${paths.basis.split('purposes[')[1].split(']')[0]}-legalBases-0-`);
    const after = await c.get(`${page}?done=fact-confirmed`);
    const text = textOf(after.text);
    expect(text).toContain('The fact was confirmed');
    expect(text).toContain('basis agreed with the DPO');
    expect(text).toContain('admin@ino.test (compliance-admin)');
    expect(after.text).not.toContain(`name="path" value="${paths.basis}"`); // no longer waiting
    const [audit] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE tenant_id = $1 AND action = 'fact.confirmed'`, [ino]);
    expect(audit).toMatchObject({ actor: 'admin@ino.test (compliance-admin)', details: { path: paths.basis, previousClass: 'assumed', replaced: false } });

    const replaced = await c.submit(page, `${page}/confirm`, {
      path: paths.retention, valueHash: hashOf(paths.retention), note: 'period from the clinic manager',
      replacement: JSON.stringify({ description: { en: 'Kept for 5 years after the last visit.', lv: 'Glabā 5 gadus pēc pēdējā apmeklējuma.' } }),
    });
    expect(replaced.status).toBe(303);
    const last = textOf((await c.get(page)).text);
    expect(last).toContain('Kept for 5 years after the last visit.');
    expect(last).toContain('replaced');
  });

  it('shows the demo confirmation as such; auditors read without forms and are refused; another tenant is 404', async () => {
    await plant(micro, 'marketing');
    const { confirmed, unknown } = await confirmAssumedFacts(h.db.owner, 'micromedic');
    expect(confirmed).toBeGreaterThan(0);
    expect(unknown).toBeGreaterThan(0); // the planted unknown is never confirmed for the demo
    const m = await signedInAdmin(h, 'admin@micro.test');
    const res = await m.get('/admin/t/micromedic/facts?lang=en');
    expect(textOf(res.text)).toContain('confirmed for the demo');
    expect(textOf(res.text)).toContain('nobody stated this period');

    const auditor = await signedInAdmin(h, 'auditor@ino.test');
    const view = await auditor.get(page);
    expect(view.status).toBe(200);
    expect(view.text).not.toContain(`${page}/confirm`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await auditor.get('/admin/account/password')).text)![1];
    const refused = await auditor.post(`${page}/confirm`, { _csrf: csrf, path: paths.retention, valueHash: '0'.repeat(64), note: 'auditor' });
    expect(refused.status).toBe(403);
    expect((await (await signedInAdmin(h)).get('/admin/t/micromedic/facts')).status).toBe(404);
  });

  it('shows a list nobody stated as "not stated" on the register page, and the draft refuses to publish it', async () => {
    const view = (await h.app.get(RegistersService).get(ino, 'website'))!;
    const reg = structuredClone(view.definition) as unknown as Register;
    reg.transfers = 'none';
    reg.fieldRefs = { ...reg.fieldRefs, transfers: [{ source: 'notice', provenance: 'unknown', note: 'planted: the notice never says whether there are transfers' }] };
    await h.app.get(RegisterEditService).saveVersion(ino, 'website', { definition: reg, changeSummary: 'transfers unknown' }, { userId: null, label: 'test' });
    const c = await signedInAdmin(h);
    const text = textOf((await c.get('/admin/t/inomedis/registers/website?lang=en')).text);
    expect(text).toContain('Not stated: nobody has said whether there are any');
    const drafted = await c.submit('/admin/t/inomedis/policies', '/admin/t/inomedis/policies/drafts', {});
    expect(drafted.status).toBe(303);
    const policies = await c.get('/admin/t/inomedis/policies?lang=en');
    expect(textOf(policies.text)).toContain('registers[website].transfers is unknown');
    expect(policies.text).toContain('href="/admin/t/inomedis/facts#fact-registers-website-transfers"');
  });
});
