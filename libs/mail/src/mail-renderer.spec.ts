import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { htmlToText } from './html-to-text';
import { MailBranding, PLATFORM_BRANDING } from './mail-branding';
import { formatDate } from './mail-helpers';
import { MAIL_LANGS, MAIL_TEMPLATES, MailRenderer, PLATFORM_MAIL_TEMPLATES } from './mail-renderer';

const tenant: MailBranding = {
  slug: 'inomedis',
  name: 'Inomedis',
  legalName: 'SIA "Inomedis Aesthetic Group"',
  primaryColor: '#6D214F',
  accentColor: '#8A5A00',
  email: 'lv@inomedis.group',
  phone: '+371 25770445',
  web: null,
  address: 'Meža prospekts 12–1, LV-2010 Jūrmala',
  timeZone: 'Europe/Riga',
  languages: ['lv', 'en'],
};

const authority = {
  name: 'Datu valsts inspekcija', nameEn: 'Data State Inspectorate', abbreviation: 'DVI', address: 'Elijas iela 17, LV-1050 Rīga',
  phone: '+371 67 223 131', email: 'info@dvi.gov.lv', web: 'https://www.dvi.gov.lv',
};

/** Everything any template reads. */
const data = {
  name: 'Anna Bērziņa',
  reference: 'R-7KQ2-XM4P',
  type: 'access',
  typeLabel: 'access',
  receivedAt: new Date('2026-03-05T10:00:00Z'),
  dueDate: '2026-04-07',
  firstDueDate: '2026-04-07',
  statusUrl: 'https://regula.example/t/inomedis/requests/R-7KQ2-XM4P?token=abc',
  verifyUrl: 'https://regula.example/t/inomedis/requests/R-7KQ2-XM4P/verify?token=abc&code=123456',
  code: '123456',
  minutes: 30,
  expiresAt: new Date('2026-03-05T10:30:00Z'),
  identityDocument: 'qualified-e-signature',
  method: 'qualified-e-signature',
  postalAddress: 'Meža prospekts 12–1, LV-2010 Jūrmala',
  reason: 'Many systems must be searched.',
  groundLabel: 'manifestly unfounded',
  amount: 25,
  summary: 'We sent you a copy of your data.',
  hasDownloads: true,
  message: 'Please send us your customer number.',
  paused: true,
  withdrawnAt: new Date('2026-03-06T10:00:00Z'),
  authority,
  number: 2,
  effectiveDate: '2026-12-01',
  // sla-withdrawal-limit (libs/sla): the controller's promised outer limit for a consent withdrawal
  limitDate: '2026-03-10',
  workingDays: 3,
  limitRef: { notice: true, title: 'Inomedis privacy policy', clause: '15' },
  changeSummary: 'Surveys now also cover partners\' products.',
  policyUrl: 'https://regula.example/t/inomedis/privacy?lang=lv',
  diffUrl: 'https://regula.example/t/inomedis/privacy/diff?from=1&to=2&lang=lv',
  // sign-in-attempts (libs/auth)
  email: 'anna@inomedis.example',
  failures: 5,
  maxMinutes: 15,
  linkMinutes: 30,
  link: 'https://regula.example/admin/login?link=abc',
  archiveUrl: 'https://regula.example/t/inomedis/privacy/versions?lang=lv',
};

/** What each template must show of the data; most are about a request (its reference). */
const MUST_SHOW: Partial<Record<string, string>> = {
  'policy-changed': 'https://regula.example/t/inomedis/privacy/diff?from=1&to=2&lang=lv',
  'sign-in-attempts': 'https://regula.example/admin/login?link=abc',
};

describe('e-mail templates', () => {
  const renderer = new MailRenderer();

  it.each(MAIL_TEMPLATES.flatMap((t) => MAIL_LANGS.map((l) => [t, l] as const)))('%s renders in %s', (template, lang) => {
    const out = renderer.render(tenant, template, lang, data);
    expect(out.subject.length).toBeGreaterThan(5);
    expect(out.subject).not.toMatch(/[\r\n]/);
    for (const part of [out.subject, out.text, out.html]) {
      expect(part).not.toContain('{{');
      expect(part).not.toMatch(/undefined|\[object Object\]/);
    }
    expect(out.html).toContain(`<html lang="${lang}">`);
    expect(out.html).toContain('#6D214F'); // branding
    expect(out.text).toContain(MUST_SHOW[template] ?? 'R-7KQ2-XM4P');
    expect(out.text).toContain('SIA "Inomedis Aesthetic Group"'); // footer: the controller
    // No remote images, fonts or styles.
    expect(out.html).not.toMatch(/<img|<link|@import|url\(/i);
  });

  it('words the withdrawal limit in each language, near and passed, with the clause of the promise', () => {
    const words = { en: 'clause 15', et: 'punkt 15', lt: '15 punktas', lv: '15. punkts', sv: 'punkt 15' } as const;
    for (const lang of MAIL_LANGS) {
      const near = renderer.render(tenant, 'sla-withdrawal-limit', lang, data);
      const passed = renderer.render(tenant, 'sla-withdrawal-limit', lang, { ...data, limitPassed: true });
      expect(near.text).toContain(`(${words[lang]})`);
      expect(renderer.render(tenant, 'sla-withdrawal-limit', lang, { ...data, limitRef: { notice: false, title: 'Board decision 4/2026', at: '§ 3' } }).text).toContain('(Board decision 4/2026, § 3)');
      expect(near.subject).not.toBe(passed.subject);
      expect(near.text).toContain('3');
    }
  });

  it('tells an account holder why a policy-change e-mail came, not that a request was made', () => {
    const out = renderer.render(tenant, 'policy-changed', 'en', { ...data, accountHolder: true });
    expect(out.text).toContain('because you hold an account with SIA "Inomedis Aesthetic Group"');
    expect(out.text).not.toContain('a request about personal data was made');
  });

  it('tells a staff member why a sign-in e-mail came', () => {
    const out = renderer.render(tenant, 'sign-in-attempts', 'en', { ...data, staffAccount: true });
    expect(out.text).toContain('because you have a staff account in the compliance dashboard of SIA "Inomedis Aesthetic Group"');
    expect(out.text).not.toContain('a request about personal data was made');
    expect(out.subject).toBe('Someone tried to sign in to your account 5 times');
  });

  it('writes every template in every language (no English fallback among them)', () => {
    const english = renderer.render(tenant, 'request-refused', 'en', data).text;
    for (const lang of MAIL_LANGS.filter((l) => l !== 'en')) {
      expect(renderer.render(tenant, 'request-refused', lang, data).text).not.toEqual(english);
    }
  });

  it('formats dates in the request language and the tenant time zone', () => {
    expect(renderer.render(tenant, 'request-received', 'lv', data).text).toContain('2026. gada 7. aprīlis');
    expect(renderer.render(tenant, 'request-received', 'en', data).text).toContain('7 April 2026');
    expect(renderer.render(tenant, 'request-received', 'sv', data).text).toContain('7 april 2026');
    expect(renderer.render(tenant, 'request-received', 'et', data).text).toContain('7. aprill 2026');
    expect(renderer.render(tenant, 'request-received', 'lt', data).text).toContain('2026 m. balandžio 7 d.');
    // 22:30 UTC on 31 March is 1 April in Riga (UTC+3).
    expect(formatDate(new Date('2026-03-31T22:30:00Z'), 'en', 'Europe/Riga')).toBe('1 April 2026');
    expect(formatDate('2026-03-31', 'en', 'Pacific/Kiritimati')).toBe('31 March 2026');
  });

  it('names the authority with its contacts and the judicial remedy in a refusal', () => {
    const text = renderer.render(tenant, 'request-refused', 'en', data).text;
    expect(text).toContain('Data State Inspectorate (Datu valsts inspekcija, DVI)');
    expect(text).toContain('Elijas iela 17');
    expect(text).toContain('info@dvi.gov.lv');
    expect(text).toContain('+371 67 223 131');
    expect(text).toMatch(/judicial remedy.*Article 79/);
  });

  it('acknowledges a request with the reference, the due date, the authority and its contacts, and the status link', () => {
    for (const lang of MAIL_LANGS) {
      const text = renderer.render(tenant, 'request-received', lang, data).text;
      for (const s of ['R-7KQ2-XM4P', 'Datu valsts inspekcija', 'Elijas iela 17', 'info@dvi.gov.lv', '+371 67 223 131', data.statusUrl]) expect({ lang, has: text.includes(s) ? s : `missing ${s}` }).toEqual({ lang, has: s });
    }
  });

  it('escapes everything the subject typed, in the HTML and the subject line', () => {
    const evil = { ...data, name: '<script>alert(1)</script>', message: 'line one\n<img src=x onerror=alert(1)>', reference: 'R-<b>X</b>' };
    const out = renderer.render(tenant, 'message-to-subject', 'en', evil);
    expect(out.html).not.toContain('<script>');
    expect(out.html).not.toContain('<img');
    expect(out.html).not.toContain('<b>X</b>');
    expect(out.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out.html).toContain('line one<br>');
    // The text part shows what was typed, literally.
    expect(out.text).toContain('Dear <script>alert(1)</script>,');
    expect(out.text).toContain('line one\n<img src=x onerror=alert(1)>');
    expect(out.subject).toBe('Request R-<b>X</b>: a message from Inomedis');
  });

  it('falls back to English for a language Regula does not write', () => {
    expect(renderer.render(tenant, 'request-withdrawn', 'de', data).subject).toBe('Request R-7KQ2-XM4P has been withdrawn');
    expect(renderer.render(tenant, 'request-withdrawn', 'lv-LV', data).subject).toBe('Pieprasījums R-7KQ2-XM4P ir atsaukts');
  });

  describe('tenant overrides', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'regula-mail-'));
      mkdirSync(path.join(dir, 'inomedis', 'mail', 'lv'), { recursive: true });
      mkdirSync(path.join(dir, 'inomedis', 'mail', 'partials', 'en'), { recursive: true });
      writeFileSync(
        path.join(dir, 'inomedis', 'mail', 'lv', 'request-withdrawn.hbs'),
        '{{#*inline "subject"}}Inomedis: pieprasījums {{reference}} atsaukts{{/inline}}{{#> layout}}<p>Sveiki, {{name}}! Īpašs teksts.</p>{{/layout}}',
      );
      writeFileSync(path.join(dir, 'inomedis', 'mail', 'partials', 'en', 'footer.hbs'), '<p>Inomedis own footer</p>');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("prefers the tenant's template, then the shared one", () => {
      const r = new MailRenderer({ tenantsRoot: dir });
      const own = r.render(tenant, 'request-withdrawn', 'lv', { ...data, name: '<i>Anna</i>' });
      expect(own.subject).toBe('Inomedis: pieprasījums R-7KQ2-XM4P atsaukts');
      expect(own.html).toContain('Sveiki, &lt;i&gt;Anna&lt;/i&gt;! Īpašs teksts.');
      // Other templates and languages of the tenant: shared.
      expect(r.render(tenant, 'request-withdrawn', 'en', data).subject).toBe('Request R-7KQ2-XM4P has been withdrawn');
      expect(r.render(tenant, 'request-completed', 'lv', data).subject).toBe('Pieprasījums R-7KQ2-XM4P ir izpildīts');
    });

    it("overrides partials too (the tenant's footer), only for that tenant", () => {
      const r = new MailRenderer({ tenantsRoot: dir });
      expect(r.render(tenant, 'request-withdrawn', 'en', data).text).toContain('Inomedis own footer');
      const other = { ...tenant, slug: 'micromedic', name: 'Micromedic', legalName: 'Micromedic AB' };
      expect(r.render(other, 'request-withdrawn', 'en', data).text).not.toContain('Inomedis own footer');
      expect(r.render(other, 'request-withdrawn', 'en', data).text).toContain('Micromedic AB');
    });

    it('refuses a slug that could leave the tenants folder', () => {
      const r = new MailRenderer({ tenantsRoot: dir });
      expect(() => r.render({ ...tenant, slug: '../etc' }, 'request-withdrawn', 'en', data)).toThrow(/invalid tenant slug/);
    });
  });
});

describe('html to text', () => {
  it('keeps paragraphs, list items and link targets, decodes entities last', () => {
    const text = htmlToText('<p>Hello &amp; welcome</p><ul><li>one</li><li>two</li></ul><p><a href="https://x.test/a?b&#x3D;1">open</a> <a href="https://y.test">https://y.test</a> <a href="mailto:a@b.test">a@b.test</a></p><p>&lt;b&gt;</p>');
    expect(text).toBe('Hello & welcome\n\n- one\n- two\n\nopen <https://x.test/a?b=1> https://y.test a@b.test\n\n<b>\n');
  });
});

describe('e-mails of the platform to its admins', () => {
  const renderer = new MailRenderer();
  const data = { queue: 'breach', pausedSince: new Date('2026-03-02T08:00:00Z') };

  it.each(MAIL_LANGS)('queue-paused renders in %s, with the platform footer', (lang) => {
    const template = 'queue-paused';
    const out = renderer.render(PLATFORM_BRANDING, template, lang, data);
    expect(out.subject).toContain('breach');
    expect(out.html).toContain(`<html lang="${lang}">`);
    for (const part of [out.subject, out.text, out.html]) {
      expect(part).not.toContain('{{');
      expect(part).not.toMatch(/undefined|\[object Object\]/);
    }
    expect(out.text).toContain('Regula');
    expect(out.text).toMatch(/2026/);
    expect(out.text).toContain('33'); // the breach queue's effect names GDPR Art. 33(1)
    if (lang !== 'en') expect(out.text).not.toEqual(renderer.render(PLATFORM_BRANDING, template, 'en', data).text);
  });

  it('says why a platform admin gets it, not that a request was made, and names what stops for the SLA queue', () => {
    const out = renderer.render(PLATFORM_BRANDING, 'queue-paused', 'en', { ...data, queue: 'sla' });
    expect(out.text).toContain('because you are a platform administrator of Regula');
    expect(out.text).not.toContain('a request about personal data was made');
    expect(out.text).toContain('2 March 2026');
    expect(out.text).toContain('Article 12(3)');
  });

  it('has a text in every language for each platform template', () => {
    for (const template of PLATFORM_MAIL_TEMPLATES) for (const lang of MAIL_LANGS) expect(renderer.render(PLATFORM_BRANDING, template, lang, data).html).toContain(`<html lang="${lang}">`);
  });

  it('keeps the platform templates and the tenant templates apart', () => {
    expect(() => renderer.render(PLATFORM_BRANDING, 'request-received', 'en', data)).toThrow(/unknown e-mail template/);
    expect(() => renderer.render(tenant, 'queue-paused', 'en', data)).toThrow(/unknown e-mail template/);
  });
});
