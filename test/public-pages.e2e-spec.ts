import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Lang, oneMonthDeadline } from '@regula/engine';
import { TENANTS } from '@regula/tenants';
import { REQUEST_TYPES, RequestType } from '@regula/requests';
import { exe, pdf } from '@regula/requests/testing';
import { offeredTypes } from '../apps/api/src/web/public-tenant';
import { publicLimits } from '../apps/api/src/public/public-limits';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';

/**
 * The data subject's pages (/t/:tenant/...) on the real API, requests core,
 * PostgreSQL and Redis: home and forms in the tenants' languages, validation
 * with messages at the fields, escaping, rate limits, the e-mail code, the
 * status page (upload, withdraw), tenant isolation, and no third-party or
 * script resources on any page.
 */
describe('public pages', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let uploads: string;
  const pages: { path: string; html: string }[] = [];
  let ipCounter = 0;
  /** Each test posts from its own address (TRUST_PROXY): the per-IP limits are tested on their own. */
  const nextIp = () => `203.0.113.${(ipCounter++ % 250) + 1}`;
  let emailCounter = 0;
  const nextEmail = () => `subject.${++emailCounter}@example.com`;

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-public-uploads-'));
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: uploads, TRUST_PROXY: 'true', PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl });
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  async function get(url: string, ip = nextIp()): Promise<request.Response> {
    const res = await h.http().get(url).set('X-Forwarded-For', ip);
    if (/html/.test(res.headers['content-type'] ?? '')) pages.push({ path: url, html: res.text });
    return res;
  }

  async function post(url: string, form: Record<string, unknown>, ip = nextIp()): Promise<request.Response> {
    const res = await h.http().post(url).set('X-Forwarded-For', ip).type('form').send(form);
    if (/html/.test(res.headers['content-type'] ?? '')) pages.push({ path: `POST ${url}`, html: res.text });
    return res;
  }

  async function emails(reference: string, template: string): Promise<{ subject: string; text: string }[]> {
    return h.db.owner.query(
      `SELECT e.subject, e.body_text AS text FROM outbox_emails e JOIN rights_requests r ON r.id = e.request_id WHERE r.reference = $1 AND e.template = $2 ORDER BY e.created_at, e.id`,
      [reference, template],
    );
  }

  /** The code of the last verification e-mail, as the subject received it. */
  function codeFor(reference: string): Promise<string> {
    return mailbox.code(h, reference);
  }

  /** Files a request through the form; returns the reference and the status token from the confirmation page. */
  async function file(slug: string, type: RequestType, lang: Lang, form: Record<string, unknown> = {}) {
    const res = await post(`/t/${slug}/request/${type}?lang=${lang}`, { name: 'Anna Bērziņa', email: nextEmail(), ...form });
    expect(res.status).toBe(201);
    const reference = /id="reference">([^<]+)</.exec(res.text)![1];
    const token = /name="token" value="([^"]+)"/.exec(res.text)![1];
    return { res, reference, token };
  }

  describe('home', () => {
    it('shows Micromedic: legal name, registry code, DPO, parent company and authority, in Swedish and in English', async () => {
      const sv = await get('/t/micromedic/');
      expect(sv.status).toBe(200);
      expect(sv.text).toContain('<html lang="sv">');
      expect(sv.text).toContain('Micromedic AB');
      expect(sv.text).toContain('556949-0153');
      expect(sv.text).toContain('Arvid Tjomsland');
      expect(sv.text).toContain('Dataskyddsombud');
      expect(sv.text).toContain('Ortomedic AS');
      expect(sv.text).toContain('Integritetsskyddsmyndigheten');
      expect(sv.text).toContain('imy@imy.se');
      expect(sv.text).toContain('tidigare Datainspektionen');
      expect(sv.text).toContain('Dina rättigheter');

      const en = await get('/t/micromedic/?lang=en');
      expect(en.text).toContain('<html lang="en">');
      expect(en.text).toContain('Arvid Tjomsland');
      expect(en.text).toContain('Data protection officer');
      expect(en.text).toContain('Swedish Authority for Privacy Protection');
      expect(en.text).toContain('Your rights');
      // The language switch: links to the same page in every offered language, the current one marked.
      expect(en.text).toMatch(/<a href="\/t\/micromedic\/\?lang&#x3D;sv" lang="sv" hreflang="sv">Svenska<\/a>/);
      expect(en.text).toMatch(/lang="en" hreflang="en" aria-current="page">English</);
    });

    it('shows Inomedis in Latvian (its first language) and in English: no DPO, Data State Inspectorate with contacts, clause 38', async () => {
      const lv = await get('/t/inomedis');
      expect(lv.status).toBe(200);
      expect(lv.text).toContain('<html lang="lv">');
      expect(lv.text).toContain('SIA &quot;Inomedis Aesthetic Group&quot;');
      expect(lv.text).toContain('40203138358');
      expect(lv.text).toContain('Inomedis nav iecēlis datu aizsardzības speciālistu');
      expect(lv.text).toContain('Datu valsts inspekcija');
      expect(lv.text).toContain('Elijas iela 17');
      expect(lv.text).toContain('info@dvi.gov.lv');
      expect(lv.text).toContain('Kas noteiktā laika posmā saņēma manus datus');
      // The controller's own words for a right.
      expect(lv.text).toContain('Uzzināt, kuras fiziskās vai juridiskās personas noteiktā laika posmā no Inomedis ir saņēmušas informāciju par jums.');
      const en = await get('/t/inomedis?lang=en');
      expect(en.text).toContain('Data State Inspectorate');
      expect(en.text).toContain('Inomedis has not appointed a data protection officer');
      expect(en.text).toContain('To find out which natural or legal persons received information about you from Inomedis during a given period.');
    });

    it('picks a language from Accept-Language when it is offered, else the tenant first language', async () => {
      expect((await h.http().get('/t/softera-baltic/').set('Accept-Language', 'en-GB,en;q=0.9')).text).toContain('<html lang="en">');
      expect((await h.http().get('/t/softera-baltic/').set('Accept-Language', 'de-DE')).text).toContain('<html lang="lt">');
      expect((await h.http().get('/t/softera-baltic/?lang=xx')).text).toContain('<html lang="lt">');
    });

    it('never shows a fact nobody stated, nor says so (Softera has no address or e-mail): the rows are left out', async () => {
      const res = await get('/t/softera-baltic/?lang=en');
      expect(res.text).not.toContain('to be completed');
      expect(res.text).not.toMatch(/not stated/i);
      expect(res.text).not.toContain('Registered address');
      expect(res.text).toContain('301566552'); // what the notice states is there
      // No modelling note reaches the page: the tenant's texts state facts only.
      for (const lang of ['en', 'lt']) {
        const page = (await get(`/t/softera-baltic/?lang=${lang}`)).text;
        expect(page).not.toMatch(/must add|the notice|says nothing about children|turi papildyti|pranešime/i);
      }
    });
  });

  describe('forms', () => {
    it.each(TENANTS.map((t) => [t.slug, t] as const))('%s: a form for every offered right (200), 404 for the others', async (slug, def) => {
      const offered = offeredTypes(def);
      for (const type of Object.keys(REQUEST_TYPES) as RequestType[]) {
        const res = await get(`/t/${slug}/request/${type}?lang=en`);
        expect({ type, status: res.status }).toEqual({ type, status: offered.includes(type) ? 200 : 404 });
        if (res.status === 200) {
          expect(res.text).toContain('<form method="post"');
          expect(res.text).toMatch(/<label for="f-name">/);
          expect(res.text).toMatch(/<label for="f-email">/);
        }
      }
      expect((await get(`/t/${slug}/request/no-such-right`)).status).toBe(404);
    });

    it('answers 404 pages for unknown tenants and bad references', async () => {
      const res = await get('/t/no-such-tenant/');
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('Page not found');
      expect((await get('/t/no-such-tenant/request/access')).status).toBe(404);
      expect((await get('/t/inomedis/requests/R-AAAA-BBBB?token=' + 'x'.repeat(43))).status).toBe(404);
      expect((await get('/t/inomedis/requests/%3Cscript%3E?token=abc')).status).toBe(404);
    });

    it('explains each right in the controller terms, the identity check it needs, and offers only what the type asks', async () => {
      const access = await get('/t/micromedic/request/access?lang=sv');
      expect(access.text).toContain('en skriftlig begäran som du har undertecknat');
      const portability = await get('/t/inomedis/request/portability?lang=lv');
      expect(portability.text).toContain('drošu (kvalificētu) elektronisko parakstu');
      const rip = await get('/t/inomedis/request/recipients-in-period?lang=en');
      expect(rip.text).toMatch(/<input id="f-from" name="from" type="date"/);
      const objection = await get('/t/softera-baltic/request/objection?lang=lt');
      expect(objection.text).toContain('value="direct-marketing"');
      expect(objection.text).toContain('Į šį nesutikimą visada atsižvelgiama');
      const consent = await get('/t/inomedis/request/consent-withdrawal?lang=en');
      // The consent-based purposes of the tenant's registers, as checkboxes.
      expect(consent.text).toMatch(/type="checkbox" value="[a-z0-9-]+:[a-z0-9-]+"/);
      expect(consent.text).toContain('Your withdrawal takes effect as soon as it reaches Inomedis; Inomedis says it carries a withdrawal out in its systems within 3 working days at the latest.');
    });

    it('bad input: 400, the form again with messages at the fields (aria-describedby, aria-invalid), values kept', async () => {
      const res = await post('/t/inomedis/request/rectification?lang=lv', { name: '', email: 'nav-epasts', c1_field: 'Tālrunis', message: 'Paldies' });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<title>Kļūda:');
      expect(res.text).toContain('Radusies problēma');
      expect(res.text).toContain('<p class="error-message" id="f-name-error"><span class="visually-hidden">Kļūda: </span>Ievadiet savu vārdu un uzvārdu.</p>');
      expect(res.text).toMatch(/<input id="f-name" name="name" type="text" value=""[^>]*aria-describedby="f-name-error" aria-invalid="true">/);
      expect(res.text).toMatch(/<input id="f-email" name="email" type="email" value="nav-epasts"[^>]*aria-describedby="f-email-hint f-email-error" aria-invalid="true"/);
      expect(res.text).toContain('Ievadiet e-pasta adresi formā');
      expect(res.text).toContain('Aizpildiet gan lauku');
      expect(res.text).toContain('value="Tālrunis"');
      expect(res.text).toContain('>Paldies</textarea>');
      expect(res.text).toContain('<a href="#f-name">');

      const dates = await post('/t/inomedis/request/recipients-in-period?lang=en', { name: 'A', email: nextEmail(), from: '2026-02-30', to: '' });
      expect(dates.status).toBe(400);
      expect(dates.text).toContain('Enter a real date in the form YYYY-MM-DD.');
      expect(dates.text).toContain('Enter the date.');
    });

    it('escapes everything the subject typed (XSS in the name, the message and the e-mail)', async () => {
      const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
      const res = await post('/t/micromedic/request/erasure?lang=en', { name: payload, email: `"><svg onload=alert(1)>`, message: `</textarea>${payload}` });
      expect(res.status).toBe(400);
      expect(res.text).not.toContain('<script>alert');
      expect(res.text).not.toContain('<img src=x');
      expect(res.text).not.toContain('<svg onload');
      expect(res.text).not.toContain('</textarea><script>');
      expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
      // Filed with a valid e-mail, the name never comes back unescaped either (confirmation, status).
      const filed = await file('micromedic', 'erasure', 'en', { name: payload, message: payload });
      expect(filed.res.text).not.toMatch(/<script>alert|<img src=x/);
      const status = await get(`/t/micromedic/requests/${filed.reference}?lang=en&token=${filed.token}`);
      expect(status.status).toBe(200);
      expect(status.text).not.toMatch(/<script>alert|<img src=x/);
    });

    it('does not let a form post a right the tenant does not offer, nor pick another tenant', async () => {
      expect((await post('/t/medical-management/request/objection-automated', { name: 'A', email: nextEmail() })).status).toBe(404);
      expect((await post('/t/micromedic/request/recipients-in-period', { name: 'A', email: nextEmail(), from: '2025-01-01', to: '2025-02-01' })).status).toBe(404);
      const before = await h.db.owner.query(`SELECT count(*)::int AS n FROM rights_requests`);
      expect((await post('/t/no-such-tenant/request/access', { name: 'A', email: nextEmail() })).status).toBe(404);
      expect((await h.db.owner.query(`SELECT count(*)::int AS n FROM rights_requests`))[0].n).toBe(before[0].n);
    });
  });

  describe('filing, the code, the status page', () => {
    it('Inomedis, Latvian: confirmation with the reference, the engine due date, the authority and the next step', async () => {
      const { res, reference, token } = await file('inomedis', 'access', 'lv', { message: 'Klienta Nr. 123' });
      expect(res.text).toContain('<html lang="lv">');
      expect(res.text).toContain('Pieprasījums saņemts');
      const [row] = await h.db.owner.query(`SELECT r.received_at, r.locale, r.details, t.slug FROM rights_requests r JOIN tenants t ON t.id = r.tenant_id WHERE r.reference = $1`, [reference]);
      expect(row).toMatchObject({ slug: 'inomedis', locale: 'lv', details: { message: 'Klienta Nr. 123' } });
      const due = oneMonthDeadline({ country: 'LV', timeZone: 'Europe/Riga', received: new Date(row.received_at) });
      expect(res.text).toContain(`<time datetime="${due.dueDate}" id="due-date">`);
      expect(res.text).toContain('Datu valsts inspekcija');
      expect(res.text).toContain('info@dvi.gov.lv');
      expect(res.text).toContain('Pārbaudiet e-pastu');
      expect(res.text).toContain(`/t/inomedis/requests/${reference}/verify?lang&#x3D;lv`);
      expect(res.headers['cache-control']).toBe('no-store');

      // The link in the e-mail carries the code and a token of its own (both minted when it was sent):
      // the page is pre-filled, confirming is a POST.
      const link = await mailbox.verifyLink(h, reference);
      const [, mailToken, code] = /token=([A-Za-z0-9_-]+)&code=(\d{6})/.exec(link)!;
      expect(mailToken).not.toBe(token);
      const verifyPage = await get(`${link}&lang=lv`);
      expect(verifyPage.status).toBe(200);
      expect(verifyPage.text).toContain(`value="${code}"`);
      const wrong = await post(`/t/inomedis/requests/${reference}/verify?lang=lv`, { code: code === '000000' ? '000001' : '000000', token: mailToken });
      expect(wrong.status).toBe(400);
      expect(wrong.text).toContain('Kods nav derīgs');
      const ok = await post(`/t/inomedis/requests/${reference}/verify?lang=lv`, { code, token: mailToken });
      expect(ok.status).toBe(303);
      expect(ok.headers.location).toBe(`/t/inomedis/requests/${reference}?lang=lv&token=${mailToken}`);

      const status = await get(ok.headers.location);
      expect(status.status).toBe(200);
      expect(status.text).toContain('Tiek izskatīts');
      expect(status.text).toContain('Identitāte apstiprināta');
      expect(status.text).toContain('Atsaukt pieprasījumu');
      expect(status.headers['cache-control']).toBe('no-store');

      const withdrawn = await post(`/t/inomedis/requests/${reference}/withdraw?lang=en`, { token });
      expect(withdrawn.status).toBe(303);
      const after = await get(withdrawn.headers.location);
      expect(after.text).toContain('You have withdrawn this request.');
      expect(after.text).toMatch(/id="state">Withdrawn</);
      expect(after.text).not.toContain('Withdraw request');
    });

    it('Micromedic access needs a signed document: upload after the code; a wrong file type is refused with a message', async () => {
      const { res, reference, token } = await file('micromedic', 'access', 'sv');
      // The confirmation lists every way (identity-ways.view.ts): the code to an address Micromedic holds, the upload, the letter.
      expect(res.text).toContain('Ladda upp en skannad kopia eller ett foto av begäran');
      expect(res.text).toContain('Skicka formuläret från en e-postadress som Micromedic redan har för dig');
      await post(`/t/micromedic/requests/${reference}/verify?lang=sv`, { code: await codeFor(reference), token });
      const status = await get(`/t/micromedic/requests/${reference}?lang=sv&token=${token}`);
      // What happens next, from whom (issue 14 §4): the subject uploads the document.
      expect(status.text).toContain('Visa att det är du på något av sätten nedan, till exempel genom att ladda upp din undertecknade handling.');
      expect(status.text).toMatch(/<dd id="next-who">Du<\/dd>/);
      expect(status.text).toContain('enctype="multipart/form-data"');

      const bad = await h.http().post(`/t/micromedic/requests/${reference}/evidence?lang=sv`).set('X-Forwarded-For', nextIp())
        .field('token', token).attach('document', exe(), 'begaran.pdf');
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Filen godtogs inte');
      const none = await h.http().post(`/t/micromedic/requests/${reference}/evidence?lang=sv`).set('X-Forwarded-For', nextIp()).field('token', token);
      expect(none.status).toBe(400);
      expect(none.text).toContain('Välj en fil att ladda upp.');

      const ok = await h.http().post(`/t/micromedic/requests/${reference}/evidence?lang=sv`).set('X-Forwarded-For', nextIp())
        .field('token', token).attach('document', pdf(), 'begaran.pdf');
      expect(ok.status).toBe(303);
      const after = await get(ok.headers.location);
      expect(after.text).toContain('Dokumentet har kommit in och kommer att granskas.');
      // Received, being checked at once: the upload form is gone and nothing says "waiting" for it any more.
      expect(after.text).toMatch(/id="state">Handling mottagen, granskas</);
      expect(after.text).toContain('Din handling har tagits emot och granskas.');
      expect(after.text).not.toContain('enctype="multipart/form-data"');
      expect(after.text).not.toMatch(/väntar/i);
    });

    it('refuses uploads over the size limit with a 413 page', async () => {
      const { reference, token } = await file('inomedis', 'portability', 'en');
      const big = Buffer.concat([pdf(), Buffer.alloc(11 * 1024 * 1024, 32)]);
      const res = await h.http().post(`/t/inomedis/requests/${reference}/evidence?lang=en`).set('X-Forwarded-For', nextIp())
        .field('token', token).attach('document', big, 'signed.pdf');
      expect(res.status).toBe(413);
      expect(res.text).toContain('File too large');
    });

    it('keeps a request inside its tenant: another tenant URL, a wrong token or another reference answer 404 and change nothing', async () => {
      const { reference, token } = await file('inomedis', 'erasure', 'en');
      expect((await get(`/t/micromedic/requests/${reference}?token=${token}`)).status).toBe(404);
      expect((await get(`/t/inomedis/requests/${reference}?token=${token.slice(0, -2)}xx`)).status).toBe(404);
      expect((await post(`/t/micromedic/requests/${reference}/withdraw`, { token })).status).toBe(404);
      const code = await codeFor(reference);
      const elsewhere = await post(`/t/micromedic/requests/${reference}/verify`, { code, token });
      expect(elsewhere.status).toBe(400);
      const [row] = await h.db.owner.query(`SELECT state, email_verified_at FROM rights_requests WHERE reference = $1`, [reference]);
      expect(row).toEqual({ state: 'awaiting-identity', email_verified_at: null });
    });

    it('sends a new code from the status page', async () => {
      const { reference, token } = await file('softera-baltic', 'objection-direct-marketing', 'lt');
      const res = await post(`/t/softera-baltic/requests/${reference}/resend?lang=lt`, { token });
      expect(res.status).toBe(303);
      const page = await get(res.headers.location);
      expect(page.text).toContain('Naujas kodas išsiųstas');
      expect(await emails(reference, 'verify-email')).toHaveLength(2);
    });
  });

  describe('abuse', () => {
    it('limits filings per e-mail address: 429 page with Retry-After', async () => {
      const email = nextEmail();
      for (let i = 0; i < publicLimits(h.config).postsPerEmail.max; i++) {
        expect((await post('/t/softera-baltic/request/access?lang=en', { name: 'Repeat', email })).status).toBe(201);
      }
      const res = await post('/t/softera-baltic/request/access?lang=en', { name: 'Repeat', email: email.toUpperCase() });
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.text).toContain('Too many requests');
    });

    it('limits posts per IP address, bad ones included', async () => {
      const ip = '198.51.100.77';
      let status = 0;
      let n = 0;
      while (n < publicLimits(h.config).postsPerIp.max + 1) {
        const res = await post('/t/inomedis/request/access?lang=en', { name: '', email: '' }, ip);
        status = res.status;
        n++;
        if (status === 429) {
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
          break;
        }
        expect(status).toBe(400);
      }
      expect(status).toBe(429);
      expect(n).toBe(publicLimits(h.config).postsPerIp.max + 1);
      // Another address is not affected.
      expect((await post('/t/inomedis/request/access?lang=en', { name: '', email: '' })).status).toBe(400);
    });
  });

  describe('every page', () => {
    it('loads no script and nothing from another site; strict CSP; stylesheets from this app with long caching', async () => {
      expect(pages.length).toBeGreaterThan(60);
      for (const p of pages) {
        expect({ path: p.path, script: /<script/i.test(p.html) }).toEqual({ path: p.path, script: false });
        expect({ path: p.path, external: /<(link|img|iframe|source|object|embed)\b[^>]*(href|src)="(https?:)?\/\//i.test(p.html) }).toEqual({ path: p.path, external: false });
        expect({ path: p.path, inlineHandlers: /\son[a-z]+=/i.test(p.html) }).toEqual({ path: p.path, inlineHandlers: false });
        expect({ path: p.path, inlineStyle: /\sstyle=/i.test(p.html) }).toEqual({ path: p.path, inlineStyle: false });
      }
      const home = await get('/t/inomedis/');
      expect(home.headers['content-security-policy']).toBe("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
      const css = /<link rel="stylesheet" href="([^"]+)">/.exec(home.text)![1].replace(/&#x3D;/g, '=');
      const sheet = await h.http().get(css);
      expect(sheet.status).toBe(200);
      expect(sheet.headers['content-type']).toMatch(/text\/css/);
      expect(sheet.headers['cache-control']).toContain('max-age=31536000');
      expect(sheet.text).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
      const brand = await h.http().get('/t/inomedis/brand.css?v=1');
      expect(brand.text).toContain('--brand: #6D214F;');
      expect((await h.http().get('/t/no-such-tenant/brand.css')).status).toBe(404);
    });

    it('is structured for assistive technology: html lang, skip link, one h1, a label for every field', async () => {
      for (const p of pages.filter((x) => !x.path.startsWith('POST') || /request\//.test(x.path))) {
        expect(p.html).toMatch(/<html lang="(en|et|lt|lv|sv)">/);
        expect(p.html).toContain('<a class="skip-link" href="#main">');
        expect(p.html).toContain('<main id="main"');
        expect((p.html.match(/<h1[\s>]/g) ?? []).length).toBe(1);
        for (const [, id, type] of p.html.matchAll(/<(?:input|textarea)[^>]*\bid="([^"]+)"(?:[^>]*type="([^"]+)")?/g)) {
          if (type === 'hidden') continue;
          expect({ path: p.path, id, label: p.html.includes(`<label for="${id}">`) }).toEqual({ path: p.path, id, label: true });
        }
      }
    });
  });
});
