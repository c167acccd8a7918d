import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TENANTS } from '@regula/tenants';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { offeredLangs, offeredTypes } from '../apps/api/src/web/public-tenant';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';

/**
 * The proportionate identity method on the real API, PostgreSQL and Redis
 * (issue 14 §2): where a tenant asks for a signed paper or a qualified
 * e-signature, the request page still offers an e-mail code to an address
 * the controller already holds, with the reason in the subject's language;
 * such a code confirms the request by itself; the conditions line and the
 * form name the same ways for every tenant, type and language.
 */
describe('identity: the proportionate method, and the form and the conditions agree', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let uploads: string;
  let port: RequestsPort;
  const tenantIds: Record<string, string> = {};

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-uploads-'));
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: uploads, PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl });
    for (const { id, slug } of await h.db.owner.query(`SELECT id, slug FROM tenants`)) tenantIds[slug] = id;
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  /** The ways named inside the element with this class (the data-identity-way attributes, in order). */
  function waysIn(html: string, cls: string): string[] {
    const start = html.indexOf(`class="${cls}`);
    if (start < 0) return [];
    const tag = html.lastIndexOf('<', start);
    const name = /^<(\w+)/.exec(html.slice(tag))![1];
    const end = html.indexOf(`</${name}>`, start);
    return [...html.slice(start, end).matchAll(/data-identity-way="([a-z-]+)"/g)].map((m) => m[1]);
  }

  it('for every tenant, type and language the ways in the conditions line equal the ways the form offers', async () => {
    let forms = 0;
    for (const def of TENANTS) {
      for (const lang of offeredLangs(def)) {
        for (const type of offeredTypes(def)) {
          const res = await h.http().get(`/t/${def.slug}/request/${type}?lang=${lang}`);
          expect(res.status).toBe(200);
          const form = waysIn(res.text, 'identity-ways-list');
          const conditions = waysIn(res.text, 'conditions conditions-identity');
          expect({ slug: def.slug, lang, type, conditions }).toEqual({ slug: def.slug, lang, type, conditions: form });
          expect(form.length).toBeGreaterThan(0);
          forms += 1;
        }
      }
    }
    expect(forms).toBeGreaterThan(40);
  });

  it('Micromedic (signed paper for access) and Inomedis (qualified e-signature for portability) still offer the e-mail code to a held address, with the reason', async () => {
    const sv = await h.http().get('/t/micromedic/request/access?lang=sv');
    expect(waysIn(sv.text, 'identity-ways-list')).toEqual(['held-address-code', 'signed-upload', 'signed-letter']);
    expect(sv.text).toContain('en e-postadress som Micromedic redan har för dig');
    expect(sv.text).toMatch(/art\. 12\.2 och 12\.6, skäl 64; Europeiska dataskyddsstyrelsens riktlinjer 01\/2022/);
    // The letter goes to the postal address the controller names; its conditions no longer say "by post" on their own.
    expect(sv.text).toMatch(/data-identity-way="signed-letter">[^<]*Box/);
    const en = await h.http().get('/t/micromedic/request/access?lang=en');
    expect(en.text).toContain('(GDPR Art. 12(2) and 12(6), recital 64; EDPB Guidelines 01/2022');
    expect(en.text).not.toMatch(/class="conditions"><strong>[^<]*<\/strong> <span[^>]*>[^<]*by post/);

    const lv = await h.http().get('/t/inomedis/request/portability?lang=lv');
    expect(waysIn(lv.text, 'identity-ways-list')).toEqual(['held-address-code', 'qes-upload', 'signed-upload', 'signed-letter']);
    expect(lv.text).toContain('VDAR 12. panta 2. un 6. punkts, 64. apsvērums');
    // A tenant that asks only for the code: no heavier form, no reason needed.
    const ee = await h.http().get('/t/medical-management/request/access?lang=et');
    expect(waysIn(ee.text, 'identity-ways-list')).toEqual(['email-code']);

    // The home page states the same ways beside the conditions of access.
    const home = await h.http().get('/t/micromedic?lang=en');
    expect(waysIn(home.text.slice(home.text.indexOf('id="right-A15"')), 'conditions conditions-identity')).toEqual(['held-address-code', 'signed-upload', 'signed-letter']);
  });

  it('a code sent to an address Micromedic already holds confirms an access request by itself; another address still has every way offered', async () => {
    const tenantId = tenantIds.micromedic;
    const held = 'held.subject@example.test';
    const [s] = await h.db.owner.query(`INSERT INTO data_subjects (tenant_id, display_name, locale) VALUES ($1, 'Held Subject', 'sv') RETURNING id`, [tenantId]);
    await h.db.owner.query(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'email', $3)`, [tenantId, s.id, held]);

    const filed = await port.fileRequest(tenantId, { type: 'access', name: 'Held Subject', email: 'Held.Subject@example.test', locale: 'sv', details: {} }, { ip: '203.0.113.40' });
    expect(filed.request.identityMethod).toBe('signed-written-request');
    const verified = await port.verifyEmail(tenantId, filed.request.reference, await mailbox.code(h, filed.request.reference), { ip: '203.0.113.40' });
    expect(verified).toMatchObject({ state: 'in-progress', subjectId: s.id });
    expect(verified.identityVerifiedAt).toBeTruthy();
    const [audit] = await h.db.owner.query(`SELECT details FROM audit_log WHERE target_id = $1 AND action = 'request.identity-verified'`, [filed.request.id]);
    expect(audit.details).toMatchObject({ method: 'signed-written-request', byHeldAddress: true, subjectMatched: true });
    const [{ open }] = await h.db.owner.query(`SELECT count(*)::int AS open FROM request_suspensions WHERE request_id = $1 AND to_at IS NULL`, [filed.request.id]);
    expect(open).toBe(0);
    const status = await h.http().get(`/t/micromedic/requests/${filed.request.reference}?token=${filed.statusToken}&lang=sv`);
    expect(status.text).not.toContain('id="identity-ways"');
    expect(status.text).not.toContain('id="f-document"');

    // An address Micromedic does not hold: the signed request is still needed, and the page says how the code could still do.
    const other = await port.fileRequest(tenantId, { type: 'access', name: 'Other Subject', email: 'other.subject@example.test', locale: 'sv', details: {} }, { ip: '203.0.113.41' });
    const before = await h.http().get(`/t/micromedic/requests/${other.request.reference}?token=${other.statusToken}&lang=sv`);
    expect(waysIn(before.text, 'identity-ways-list')).toEqual(['held-address-code', 'signed-upload', 'signed-letter']);
    expect(before.text).toContain('Skicka formuläret från en e-postadress som Micromedic redan har för dig');
    const waiting = await port.verifyEmail(tenantId, other.request.reference, await mailbox.code(h, other.request.reference), { ip: '203.0.113.41' });
    expect(waiting.state).toBe('awaiting-identity');
    const after = await h.http().get(`/t/micromedic/requests/${other.request.reference}?token=${other.statusToken}&lang=sv`);
    expect(waysIn(after.text, 'identity-ways-list')).toEqual(['held-address-code', 'signed-upload', 'signed-letter']);
    expect(after.text).toContain('Adressen du angav är inte en som Micromedic har för dig');
    expect(after.text).toContain('id="f-document"');
  });
});
