import * as jsonld from 'jsonld';
import { AuditService } from '@regula/audit';
import { TenantSyncService } from '@regula/registers';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';
import { confirmAllFacts } from './support/demo-tenant';
import { findTenant } from '@regula/tenants';

/**
 * The public privacy-policy pages of Softera Baltic (lt, en): nothing before
 * the first version; the version in force per language; the archive with
 * every version and its fingerprint; a readable diff; the material-change
 * banner; privacy.json and privacy.jsonld (expanded offline).
 */
describe('public privacy pages', () => {
  let h: Harness;
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const sync = new TenantSyncService(new AuditService());

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    admin = await h.login('admin@softera.test');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Page HTML with Handlebars' attribute escapes of = and & undone, to compare links as written. */
  const page = async (url: string) => {
    const res = await h.http().get(url);
    return { status: res.status, headers: res.headers, text: res.text.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&') };
  };

  async function publish(body: Record<string, unknown>) {
    await confirmAllFacts(h.db.owner, 'softera-baltic'); // the notice leaves the address, the e-mail and who its local partners are blank: stated here for the test
    const draft = await h.http().post('/api/v1/tenants/softera-baltic/policies/drafts').set(auth());
    const res = await h.http().post(`/api/v1/tenants/softera-baltic/policies/drafts/${draft.body.id}/publish`).set(auth()).send(body);
    expect(res.status).toBe(201);
    return res.body.version;
  }

  it('says so while no version is published', async () => {
    const res = await h.http().get('/t/softera-baltic/privacy?lang=en');
    expect(res.status).toBe(404);
    expect(res.text).toContain('has not published a privacy policy here yet');
    // Its notice leaves the address, the e-mail and who its local partners are blank: the draft names them and publishing is refused,
    // while the rights forms keep working and no page prints a guess.
    const draft = await h.http().post('/api/v1/tenants/softera-baltic/policies/drafts').set(auth());
    const unknown = draft.body.problems.filter((p: { code: string; message: string }) => p.code === 'unconfirmed-fact' && / is unknown/.test(p.message));
    expect(unknown.map((p: { path: string }) => p.path).sort()).toEqual(['contact.email', 'legalAddress', 'registers[clients].recipients[local-partners]']);
    const refused = await h.http().post(`/api/v1/tenants/softera-baltic/policies/drafts/${draft.body.id}/publish`).set(auth()).send({ changeSummary: { en: 'First version.', lt: 'Pirmoji versija.' }, material: false });
    expect(refused.status).toBe(422);
    const home = await page('/t/softera-baltic/?lang=en');
    expect(home.status).toBe(200);
    expect(home.text).toContain('/t/softera-baltic/request/access');
    expect(home.text).not.toMatch(/not stated|must add|to be completed/i);
    expect((await page('/t/softera-baltic/request/access?lang=lt')).status).toBe(200);
  });

  it('shows the version in force in Lithuanian and in English, with the archive and data links, under the strict CSP', async () => {
    const v1 = await publish({ changeSummary: { lt: 'Pirmoji versija.', en: 'First version.' }, material: false });
    const lt = await page('/t/softera-baltic/privacy?lang=lt');
    expect(lt.status).toBe(200);
    expect(lt.headers['content-security-policy']).toContain("default-src 'none'");
    expect(lt.text).toContain('<html lang="lt">');
    expect(lt.text).toContain('<article class="privacy-notice" lang="lt">');
    expect(lt.text).toContain('1 versija, galioja nuo');
    expect(lt.text).toContain('href="/t/softera-baltic/privacy/versions?lang=lt"');
    expect(lt.text).toContain('href="/t/softera-baltic/privacy.jsonld?lang=lt"');
    expect(lt.text).toContain(v1.contentHash);
    expect(lt.text).not.toMatch(/(src|href)="https?:\/\/(?!127\.0\.0\.1)[^"]*\.(js|css|woff2?)"/);
    const en = await h.http().get('/t/softera-baltic/privacy?lang=en');
    expect(en.text).toContain('<article class="privacy-notice" lang="en">');
    expect(en.text).toContain('Version 1, in force since');
    // Every public page links to it.
    expect((await page('/t/softera-baltic/?lang=en')).text).toContain('href="/t/softera-baltic/privacy?lang=en"');
  });

  it('a material version 2: the banner, the archive with both versions, the old one still readable, and the diff', async () => {
    const def = structuredClone(findTenant('softera-baltic')!);
    const reg = def.registers.find((r) => r.purposes.some((p) => p.legalBases.some((b) => b.article === '6(1)(b)')))!;
    const purpose = reg.purposes[0];
    purpose.description = { ...purpose.description, en: 'Concluding and performing contracts with clients, including remote identification of the client.' };
    purpose.description.lt = 'Sutarčių su klientais sudarymas ir vykdymas, įskaitant nuotolinį kliento tapatybės nustatymą.';
    await h.db.owner.transaction((em) => sync.sync(em, def, 'test'));
    const v2 = await publish({ changeSummary: { lt: 'Nuotolinis kliento tapatybės nustatymas.', en: 'Remote identification of clients.' }, material: true });

    // Each reader is told what changed in their language, and only in it.
    const home = await page('/t/softera-baltic/?lang=lt');
    expect(home.text).toContain('Mūsų privatumo politika pasikeitė');
    expect(home.text).toContain('Nuotolinis kliento tapatybės nustatymas.');
    expect(home.text).not.toContain('Remote identification of clients.');
    const homeEn = await page('/t/softera-baltic/?lang=en');
    expect(homeEn.text).toContain('Remote identification of clients.');
    expect(homeEn.text).not.toContain('Nuotolinis kliento');
    expect(home.text).toContain('href="/t/softera-baltic/privacy/diff?lang=lt&from=1&to=2"');

    const archive = await h.http().get('/t/softera-baltic/privacy/versions?lang=en');
    expect(archive.status).toBe(200);
    const rows = archive.text.match(/<tr>\s*<th scope="row">/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(archive.text).toContain(v2.contentHash);
    expect(archive.text).toContain('material change');
    expect(archive.text).toContain('compare with version 1');
    expect(archive.text).toContain('Remote identification of clients.');
    expect(archive.text).toContain('First version.');
    expect(archive.text).not.toContain('Nuotolinis kliento');
    expect(archive.text).not.toContain('Pirmoji versija');
    const archiveLt = await h.http().get('/t/softera-baltic/privacy/versions?lang=lt');
    expect(archiveLt.text).toContain('Nuotolinis kliento tapatybės nustatymas.');
    expect(archiveLt.text).toContain('Pirmoji versija.');
    expect(archiveLt.text).not.toContain('Remote identification of clients.');

    const old = await h.http().get('/t/softera-baltic/privacy/versions/1?lang=en');
    expect(old.status).toBe(200);
    expect(old.text).toContain('This is an archived version.');
    expect(old.text).not.toContain('remote identification of the client');
    expect((await h.http().get('/t/softera-baltic/privacy?lang=en')).text).toContain('remote identification of the client');

    const diff = await h.http().get('/t/softera-baltic/privacy/diff?lang=en&from=1&to=2&text=lt');
    expect(diff.status).toBe(200);
    expect(diff.text).toContain('Differences between version 1 and version 2, in Lietuvių');
    expect(diff.text).toMatch(/<ins>(<span class="visually-hidden">[^<]*<\/span>)?[^<]*nuotolinį/);
    expect(diff.text).toContain('<del>');
    expect(diff.text).not.toContain('<script');

    expect((await h.http().get('/t/softera-baltic/privacy/versions/9?lang=en')).status).toBe(404);
    expect((await h.http().get('/t/softera-baltic/privacy/versions/abc?lang=en')).status).toBe(404);
    expect((await h.http().get('/t/softera-baltic/privacy/diff?from=1&to=7')).status).toBe(404);
  });

  it('privacy.json and privacy.jsonld give the registers behind the version, with DPV eu-gdpr terms', async () => {
    const json = await h.http().get('/t/softera-baltic/privacy.json?lang=en');
    if (json.status !== 200) throw new Error(json.text);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    expect(json.body.policyVersion).toMatchObject({ number: 2, material: true });
    const v1 = await h.http().get('/t/softera-baltic/privacy.json?lang=en&version=1');
    expect(v1.body.policyVersion.number).toBe(1);
    expect(JSON.stringify(v1.body)).not.toContain('remote identification of the client');
    expect(JSON.stringify(json.body)).toContain('remote identification of the client');

    const ld = await h.http().get('/t/softera-baltic/privacy.jsonld?lang=lt');
    expect(ld.status).toBe(200);
    expect(ld.headers['content-type']).toMatch(/^application\/ld\+json/);
    const doc = JSON.parse(ld.text);
    const offline = async (url: string) => {
      throw new Error(`no network: ${url}`);
    };
    const expanded = await jsonld.expand(doc, { documentLoader: offline as never });
    const text = JSON.stringify(expanded);
    expect(text).toContain('https://w3id.org/dpv/legal/eu/gdpr#A6-1-b');
    expect(text).toContain('https://w3id.org/dpv#');
    expect((await h.http().get('/t/softera-baltic/privacy.json?lang=xx')).status).toBe(400);
    expect((await h.http().get('/t/softera-baltic/privacy.json?version=44')).status).toBe(404);
  });
});
