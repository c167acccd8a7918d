import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { TenantDb } from '@regula/platform';
import { command as tenantsCreate } from '../apps/cli/src/commands/tenants-create.command';
import { AdminClient, textOf } from './support/admin-client';
import { Harness, auditEnv, startApi } from './support/api-harness';
import { createStaff } from './support/staff';
import { TempFolders } from './support/temp-folders';

/**
 * A controller created by a platform admin (issue 17 §1): REST `POST
 * /api/v1/platform/tenants` checks every field (400 naming it), refuses a
 * taken slug (409) and anyone but a platform admin (404); the new controller
 * (Finland, Swedish and English) serves its request page in both languages at
 * once, its deadline runs on Finnish holidays (the injected clock), its first
 * policy is refused until its registers say enough; its facts are edited into
 * a new version; its logo is checked by content and size; a tenant-scoped
 * connection can create no tenant; `regula tenants create` does the same from
 * a JSON file. One app boot; about 6 s of tests on an idle machine.
 */
describe('onboarding a controller', () => {
  let h: Harness;
  let platform: string;
  let other: string;
  // The API's clock: the system's, but for the request filed on a fixed day (sessions run on it too).
  let fixed: Date | undefined;
  const SLUG = 'nordkust';
  const body = {
    slug: SLUG,
    legalName: 'Nordkust Oy',
    brand: 'Nordkust',
    registryCode: '1234567-8',
    vatNumber: 'FI12345678',
    legalAddress: { street: 'Esplanadi 1', city: 'Helsinki', postalCode: '00100' },
    contact: { email: 'privacy@nordkust.test', phone: '+358 9 123 4567' },
    dpo: { name: 'Aino Virtanen', email: 'dpo@nordkust.test' },
    groupCompanies: [{ name: 'Nordkust Holding Ab', relation: 'parent', country: 'SE' }],
    country: 'FI',
    languages: ['sv', 'en'],
    branding: { primaryColor: '#1F4E79', accentColor: '#7A3E00' },
    firstAdminEmail: 'admin@nordkust.test',
  };
  const create = (token: string, b: object) => h.http().post('/api/v1/platform/tenants').set('Authorization', `Bearer ${token}`).send(b);

  beforeAll(async () => {
    h = await startApi({}, { clock: () => fixed ?? new Date() });
    await createStaff(h.db.owner, 'platform@onboarding.test', { platformAdmin: true });
    await createStaff(h.db.owner, 'dpo@inomedis-onboarding.test', { tenant: 'inomedis' });
    // The first admin has an account already: the invitation adds the membership (no one-time password).
    await createStaff(h.db.owner, 'admin@nordkust.test');
    [platform, other] = await Promise.all([h.login('platform@onboarding.test'), h.login('dpo@inomedis-onboarding.test')]);
  });
  const folders = new TempFolders('regula-onboarding-');
  afterAll(async () => {
    await h?.close();
    folders.removeAll();
  });

  it('answers 404 to anyone but a platform admin, 400 naming each bad field', async () => {
    expect((await create(other, body)).status).toBe(404);
    const bad = await create(platform, { ...body, slug: 'Nord Kust', contact: { email: 'nope' }, languages: ['fi'], branding: { primaryColor: '#777777', accentColor: '#7A3E00' } });
    expect(bad.status).toBe(400);
    const message = JSON.stringify(bad.body.message);
    for (const field of ['slug', 'contact.email', 'languages', 'branding.primaryColor']) expect(message).toContain(field);
    expect(message).toContain('4.5:1');
    const de = await create(platform, { ...body, country: 'DE' });
    expect(de.status).toBe(400);
    expect(JSON.stringify(de.body.message)).toContain('authority: is required');
    expect(await h.db.owner.query(`SELECT 1 FROM tenants WHERE slug = $1`, [SLUG])).toEqual([]);
    // Asked for before it exists (nothing of that answer may be kept: below, the page is there at once).
    expect((await h.http().get(`/t/${SLUG}/request/access?lang=sv`).set('X-Forwarded-For', '198.51.100.30')).status).toBe(404);
    // The dashboard's pages too: a compliance admin of another controller is told there is no such page.
    const c = new AdminClient(h);
    await c.login('dpo@inomedis-onboarding.test');
    expect((await c.get('/admin/platform/tenants/new')).status).toBe(404);
    // A platform admin's refused form says each problem in the page's language.
    const p = new AdminClient(h);
    await p.login('platform@onboarding.test');
    const lv = await p.submit('/admin/platform/tenants/new?lang=lv', '/admin/platform/tenants/preview?lang=lv', { slug: 'x', legalName: 'Nordkust Oy', 'contact[email]': 'nope', country: 'FI', languages: 'sv' });
    expect(lv.status).toBe(400);
    const said = textOf(lv.text);
    expect(said).toContain('Īsais nosaukums adresē: no 2 līdz 63 mazajiem burtiem');
    expect(said).toContain('E-pasta adrese privātuma jautājumiem: jābūt e-pasta adresei');
    expect(said).not.toMatch(/contact\.email|is required/);
  });

  it('creates it: facts version 1, both audit chains, assumed facts listed, the first admin invited; a taken slug is 409', async () => {
    const res = await create(platform, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slug: SLUG, version: 1, publicUrl: `/t/${SLUG}/`, firstAdmin: { email: 'admin@nordkust.test', userCreated: false, oneTimePassword: null } });
    const assumed = res.body.assumedFacts.map((f: { path: string }) => f.path);
    expect(assumed).toEqual(expect.arrayContaining(['service', 'children']));
    // The Finnish catalogue entry is not checked against its source: its authority is assumed too.
    expect(assumed.some((p: string) => p.includes('authority'))).toBe(true);
    expect(assumed).not.toContain('legalName');
    const [tenant] = await h.db.owner.query(`SELECT id, country, time_zone, definition FROM tenants WHERE slug = $1`, [SLUG]);
    expect(tenant).toMatchObject({ country: 'FI', time_zone: 'Europe/Helsinki' });
    expect(tenant.definition.jurisdiction.languages).toEqual(['sv', 'en']);
    expect(await h.db.owner.query(`SELECT version, is_current FROM tenant_versions WHERE tenant_id = $1`, [tenant.id])).toEqual([{ version: 1, is_current: true }]);
    const [platformEntry] = await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE tenant_id IS NULL AND action = 'tenant.created' AND target_id = $1`, [tenant.id]);
    expect(platformEntry).toMatchObject({ actor: 'platform@onboarding.test (platform-admin)', details: { slug: SLUG, country: 'FI', firstAdmin: 'admin@nordkust.test' } });
    const own = await h.db.owner.query(`SELECT action FROM audit_log WHERE tenant_id = $1 ORDER BY seq`, [tenant.id]);
    expect(own.map((r: { action: string }) => r.action)).toEqual(['tenant.created', 'membership.created']);
    expect((await create(platform, body)).status).toBe(409);
  });

  it('serves its request page in Swedish and English at once and counts its deadline on Finnish holidays', async () => {
    const sv = await h.http().get(`/t/${SLUG}/request/access?lang=sv`).set('X-Forwarded-For', '198.51.100.31');
    expect(sv.status).toBe(200);
    expect(sv.text).toContain('lang="sv"');
    expect(textOf(sv.text)).toContain('Nordkust');
    const en = await h.http().get(`/t/${SLUG}/request/access?lang=en`).set('X-Forwarded-For', '198.51.100.32');
    expect(en.status).toBe(200);
    expect(en.text).toContain('lang="en"');
    // Tue 14 April 2026, 12:00 in Helsinki: one month ends Thu 14 May, Ascension Day in Finland (helatorstai).
    fixed = new Date('2026-04-14T09:00:00Z');
    const filed = await h.http().post(`/t/${SLUG}/request/access?lang=sv`).set('X-Forwarded-For', '198.51.100.33').type('form').send({ name: 'Sven Nordin', email: 'sven@subject.test' });
    fixed = undefined;
    expect([200, 201, 303]).toContain(filed.status);
    const [req] = await h.db.owner.query(`SELECT due_date::text AS due FROM rights_requests r JOIN tenants t ON t.id = r.tenant_id WHERE t.slug = $1`, [SLUG]);
    // 14 May 2026 is Ascension Day in Finland: the month ends on the next working day.
    expect(req.due).toBe('2026-05-15');
  });

  it('refuses its first policy until its registers say enough; its assumed facts are confirmed like any tenant\'s; its record exports at once', async () => {
    const admin = await h.login('admin@nordkust.test');
    const auth = { Authorization: `Bearer ${admin}` };
    const draft = await h.http().post(`/api/v1/tenants/${SLUG}/policies/drafts`).set(auth);
    expect(draft.status).toBe(201);
    const problems = JSON.stringify(draft.body.problems);
    expect(problems).toContain('registers');
    const refused = await h.http().post(`/api/v1/tenants/${SLUG}/policies/drafts/${draft.body.id}/publish`).set(auth).send({ changeSummary: { sv: 'Första versionen.', en: 'First version.' }, material: false });
    expect(refused.status).toBe(422);
    // What the form filled in waits for a person, through the same confirmations as every tenant's assumed facts.
    const waiting = await h.http().get(`/api/v1/tenants/${SLUG}/facts?status=to-confirm`).set(auth);
    expect(waiting.status).toBe(200);
    const service = waiting.body.find((f: { path: string }) => f.path === 'service');
    expect(service).toMatchObject({ provenance: 'assumed' });
    const confirmed = await h.http().post(`/api/v1/tenants/${SLUG}/facts/confirm`).set(auth).send({ path: 'service', valueHash: service.valueHash, note: 'Checked with the managing director.' });
    expect(confirmed.status).toBe(200);
    const after = await h.http().get(`/api/v1/tenants/${SLUG}/facts?status=to-confirm`).set(auth);
    expect(after.body.map((f: { path: string }) => f.path)).not.toContain('service');
    const record = await h.http().get(`/api/v1/tenants/${SLUG}/exports/record.json`).set(auth);
    expect(record.status).toBe(200);
    expect(JSON.stringify(record.body)).toContain('Nordkust Oy');
  });

  it('checks a logo by content and size; an SVG loses its script', async () => {
    const put = (content: Buffer, name: string) => h.http().put(`/api/v1/platform/tenants/${SLUG}/logo`).set('Authorization', `Bearer ${platform}`).attach('logo', content, name);
    const notImage = await put(Buffer.from('%PDF-1.4 not a logo'), 'logo.png');
    expect(notImage.status).toBe(400);
    expect(JSON.stringify(notImage.body.message)).toContain('logo');
    expect((await put(Buffer.alloc(300 * 1024, 1), 'big.png')).status).toBe(413);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><rect width="10" height="10" fill="#1F4E79"/></a></svg>');
    const ok = await put(svg, 'logo.svg');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ type: 'image/svg+xml', sanitised: true, url: `/t/${SLUG}/logo` });
    const served = await h.http().get(`/t/${SLUG}/logo`).set('X-Forwarded-For', '198.51.100.34');
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toContain('image/svg+xml');
    const text = served.body.toString();
    expect(text).toContain('<rect');
    expect(text).not.toMatch(/script|onload|javascript/);
    expect((await h.http().put(`/api/v1/platform/tenants/${SLUG}/logo`).set('Authorization', `Bearer ${other}`).attach('logo', svg, 'logo.svg')).status).toBe(404);
  });

  it('lets a tenant-scoped connection create no tenant and touch no suspension, and the platform scope no controller\'s facts', async () => {
    const db = h.app.get(TenantDb);
    const [{ id }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [SLUG]);
    const insert = `INSERT INTO tenants (slug, legal_name, country, time_zone, definition, definition_hash) VALUES ('rogue', 'Rogue', 'FI', 'Europe/Helsinki', '{}', repeat('0', 64))`;
    await expect(db.forTenant(id, (em) => em.query(insert))).rejects.toThrow(/row-level security/);
    await expect(db.unscoped((em) => em.query(insert))).rejects.toThrow(/row-level security/);
    await expect(db.forTenant(id, (em) => em.query(`UPDATE tenants SET suspended_at = now(), suspension_reason = 'self' WHERE id = $1`, [id]))).rejects.toThrow(/platform scope/);
    const [inomedis] = await h.db.owner.query(`SELECT id, legal_name FROM tenants WHERE slug = 'inomedis'`);
    const touched = await db.forTenant(id, (em) => em.query(`UPDATE tenants SET legal_name = 'x' WHERE id = $1`, [inomedis.id]));
    expect(touched[1]).toBe(0);
    // The platform scope may suspend a controller, not rewrite its facts.
    await expect(db.forPlatform((em) => em.query(`UPDATE tenants SET legal_name = 'x' WHERE id = $1`, [inomedis.id]))).rejects.toThrow(/its own scope only/);
    expect((await h.db.owner.query(`SELECT legal_name FROM tenants WHERE id = $1`, [inomedis.id]))[0].legal_name).toBe(inomedis.legal_name);
  });

  it('is created from the command line out of a JSON file: a new first admin gets a one-time password; bad input names the field', async () => {
    const dir = folders.make('cli');
    const file = path.join(dir, 'controller.json');
    const out: string[] = [];
    const saved = { DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL, ...Object.fromEntries(Object.keys(auditEnv(h)).map((k) => [k, process.env[k]])) };
    Object.assign(process.env, { DATABASE_URL: h.db.ownerUrl, REDIS_URL: h.config.REDIS_URL, ...auditEnv(h) });
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    try {
      writeFileSync(file, JSON.stringify({ ...body, slug: 'saaristo', legalName: 'Saaristo Oy', firstAdminEmail: 'admin@saaristo.test', contact: { email: 'nope' } }));
      expect(await tenantsCreate.run(['--file', file])).toBe(2);
      expect(out.join('')).toContain('contact.email');
      writeFileSync(file, JSON.stringify({ ...body, slug: 'saaristo', legalName: 'Saaristo Oy', firstAdminEmail: 'admin@saaristo.test' }));
      out.length = 0;
      expect(await tenantsCreate.run(['--file', file])).toBe(0);
    } finally {
      write.mockRestore();
      err.mockRestore();
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    }
    const said = out.join('');
    expect(said).toContain('saaristo: created (facts version 1)');
    expect(said).toMatch(/one-time password \(shown once; give it through another channel\): [A-Za-z0-9_-]{24}/);
    const [entry] = await h.db.owner.query(`SELECT actor FROM audit_log WHERE tenant_id IS NULL AND action = 'tenant.created' AND details->>'slug' = 'saaristo'`);
    expect(entry).toEqual({ actor: 'cli: tenants create' });
    expect((await h.http().get('/t/saaristo/?lang=sv').set('X-Forwarded-For', '198.51.100.35')).status).toBe(200);
  });
});
