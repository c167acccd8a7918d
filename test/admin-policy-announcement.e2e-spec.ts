import { ControllerDefinition } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { TenantSyncService } from '@regula/registers';
import { findTenant } from '@regula/tenants';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';
import { AdminClient, textOf } from './support/admin-client';
import { confirmAllFacts } from './support/demo-tenant';

/**
 * A material privacy-policy change is announced where the tenants promise it
 * (Medical Management: "on the login page, on the dashboard after sign-in"):
 * the dashboard's sign-in page for the tenant, and its home page.
 */
describe('dashboard: material policy change announced', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@mm.test', { tenant: 'medical-management' });
    const token = await h.login('admin@mm.test');
    const auth = { Authorization: `Bearer ${token}` };
    const publish = async (changeSummary: Record<string, string>, material: boolean) => {
      await confirmAllFacts(h.db.owner, 'medical-management'); // what Regula assumed (and a reworded purpose) confirmed as in the demo
      const draft = await h.http().post('/api/v1/tenants/medical-management/policies/drafts').set(auth);
      expect(draft.body.languages).toEqual(Object.keys(changeSummary).sort());
      const res = await h.http().post(`/api/v1/tenants/medical-management/policies/drafts/${draft.body.id}/publish`).set(auth).send({ changeSummary, material });
      expect(res.status).toBe(201);
    };
    await publish({ en: 'First version.', et: 'Esimene versioon.', lt: 'Pirmoji versija.' }, false);
    const def = structuredClone(findTenant('medical-management')!) as ControllerDefinition;
    const purpose = def.registers[0].purposes[0];
    purpose.description = { ...purpose.description, en: `${purpose.description.en} Support calls are recorded.` };
    await h.db.owner.transaction((em) => new TenantSyncService(new AuditService()).sync(em, def, 'test'));
    await publish({ en: 'Support calls are now recorded.', et: 'Tugikõnesid salvestatakse nüüd.', lt: 'Pagalbos skambučiai dabar įrašomi.' }, true);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the sign-in page for the tenant shows the change, by ?tenant= or by the tenant page the user came from', async () => {
    const byQuery = textOf((await new AdminClient(h).get('/admin/login?tenant=medical-management&lang=en')).text);
    expect(byQuery).toContain('Sign in to the compliance dashboard of Baltic Lasers.');
    expect(byQuery).toContain('Version 2 of the privacy policy took effect on');
    expect(byQuery).toContain('Support calls are now recorded.');
    const fromPage = await new AdminClient(h).get('/admin/t/medical-management/requests');
    expect(fromPage.status).toBe(303);
    const login = await new AdminClient(h).get(fromPage.headers.location);
    expect(textOf(login.text)).toContain('Support calls are now recorded.');
    // In Lithuanian, the Lithuanian summary and not the English one.
    const lt = textOf((await new AdminClient(h).get('/admin/login?tenant=medical-management&lang=lt')).text);
    expect(lt).toContain('Pagalbos skambučiai dabar įrašomi.');
    expect(lt).not.toContain('Support calls are now recorded.');
    // No tenant, or an unknown one: a plain sign-in page.
    expect(textOf((await new AdminClient(h).get('/admin/login?tenant=no-such-tenant')).text)).not.toContain('privacy policy');
    expect(textOf((await new AdminClient(h).get('/admin/login')).text)).not.toContain('privacy policy');
  });

  it('the dashboard home shows it after sign-in, with a link to the diff', async () => {
    const c = new AdminClient(h);
    expect((await c.login('admin@mm.test')).status).toBe(303);
    const home = await c.get('/admin/t/medical-management?lang=en');
    expect(home.status).toBe(200);
    const text = textOf(home.text);
    expect(text).toContain('Privacy policy: a material change announced');
    expect(text).toContain('Support calls are now recorded.');
    expect(text).not.toContain('Tugikõnesid');
    const et = textOf((await c.get('/admin/t/medical-management?lang=et')).text);
    expect(et).toContain('Tugikõnesid salvestatakse nüüd.');
    expect(et).not.toContain('Support calls are now recorded.');
    expect(home.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&')).toContain('href="/t/medical-management/privacy/diff?lang=en&from=1&to=2"');
  });
});
