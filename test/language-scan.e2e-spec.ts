import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ControllerDefinition, Lang, LanguageFinding, scanText } from '@regula/engine';
import { MAIL_TEMPLATES, MailRenderer, addressLine, brandingOf, decodeEntities } from '@regula/mail';
import { groundLabel, typeLabel, authorityView, accessPackageCsv, accessPackageHtml, buildAccessPackage } from '@regula/requests';
import type { RecordView, SubjectData } from '@regula/requests';
import type { TenantEntity } from '@regula/tenancy';
import { TENANTS } from '@regula/tenants';
import { RECORD_LABELS, buildRecordModel, recordCsv } from '@regula/exports';
import { offeredTypes } from '../apps/api/src/web/public-tenant';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';
import { englishCatalogue } from './support/english-catalogue';
import { createStaff } from './support/staff';

/**
 * Every text a reader gets in a tenant's language other than English, rendered
 * by the real API and the real builders: the public pages (home, privacy page
 * when a version is published, each request form, the confirmation and the
 * status page of a filed request), every e-mail template, the Art. 30 record
 * (XLSX cells, CSV, PDF text), the register descriptions (HTML and PDF) and an
 * access package (HTML and CSV). None may hold a word of Regula's English
 * catalogue or a code of the register schema. `privacy.json`, `privacy.jsonld`
 * and the access package's JSON are for machines and keep their codes: they
 * are not scanned.
 */

/**
 * Words of the English catalogue that are also good words of the target
 * language (or names every page carries), per language. Each is a word of
 * that language, not an English word let through.
 */
const ALLOW: Record<Exclude<Lang, 'en'>, string[]> = {
  et: [
    'on', // "is"
    'see', 'need', // "this", "these"
    'too', // "bring" ("ei too kaasa")
    'post', // "E-post"
    'link', // "link"
    'number', // "KMKR number"
    'register', // "register"
    'art', // citing "IKÜM art 6 lg 1"
  ],
  lt: [
    'to', // "that"
    'be', // "without"
    'per', // "within" ("per vieną mėnesį")
    'data', // "date"
  ],
  lv: [
    'no', // "from"
    'to', // "that"
    'mm', 'dd', // "GGGG-MM-DD", the Latvian date format (mēnesis, diena)
  ],
  sv: [
    'in', 'all', 'hand', 'se', 'still', 'sent', 'per', 'post', 'art', 'be', // "in", "all", "hand", "see", "still", "late", "per", "post", "art." (citing), "ask"
    'service', 'cookies', // "teknisk service"; Swedish writes "cookies" (kakor)
    'data', 'under', 'policy', // "data", "under", "policy" (integritetspolicy)
    'status', 'information', 'period', 'risk', 'version', 'person', 'personal', 'organisation', 'organisations', 'situation', 'system', 'register', // the same words in Swedish
    'eu', // "EU" (Europeiska unionen)
    'gdpr', // Swedish writes the regulation's English abbreviation beside "dataskyddsförordningen"
  ],
};

/** In every language: names, not words. */
const ALLOW_ALL = [
  'regula', // the service's own name
  'english', // the language switcher names each language in itself
  'cnil', // the French authority whose record template the record follows
  'it', 'html', 'pdf', 'jpeg', 'png', 'mb', 'asice', 'bdoc', 'edoc', 'id', // abbreviations and file formats written so in every language ("IT-haldus", "ID-kaart")
  'json', 'ld', 'dpv', 'sha', // the names of the machine formats and standards the privacy page links ("JSON-LD (W3C DPV)", "SHA-256")
];

/**
 * Names a text may carry (matched case-insensitively and removed before the
 * scan): each tenant's legal name, brand and display name, its authority's
 * name and abbreviation, its DPO, and the identifiers of its registers and
 * data categories, which the record shows in brackets beside their names so an
 * auditor can match them with the register versions (the codes shown beside
 * their words).
 */
function namesOf(def: ControllerDefinition): string[] {
  const a = def.jurisdiction.authority;
  return [
    def.legalName, def.brand ?? '', def.branding?.displayName ?? '', a.name, a.abbreviation ?? '',
    def.dpo === 'none' ? '' : def.dpo.name ?? '',
    ...def.groupCompanies.map((g) => g.name),
    'Smart-ID', 'Mobile-ID', 'Mobiil-ID', // the names of the Baltic e-identity services
    '„Privacy“', // Medical Management asks for this subject line, quoted in its own texts
    ...def.registers.flatMap((r) => (Array.isArray(r.cookies) ? r.cookies.map((c) => c.name) : [])), // cookie names
    ...def.registers.flatMap((r) => [`[${r.id}]`, ...r.dataCategories.map((c) => `[${c.id}]`), ...r.purposes.map((p) => `[${p.id}]`)]),
  ].filter((n) => n.trim().length > 1);
}

/** The text of an HTML page a reader sees: its text and the words in its attributes (placeholders, titles, labels), entities decoded. */
function pageText(html: string): string {
  const attrs = [...html.matchAll(/\s(?:placeholder|title|aria-label|alt)="([^"]*)"/g)].map((m) => m[1]);
  const text = html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ');
  return decodeEntities([text, ...attrs].join('\n')).replace(/[ \t]+/g, ' ');
}

/** What staff write in a request (reasons, messages, summaries, a breach's title), in the reader's language: the scan is about Regula's own words. */
const HUMAN: Record<Exclude<Lang, 'en'>, string> = {
  et: 'Palun saatke meile oma kliendinumber.',
  lt: 'Prašome atsiųsti savo kliento numerį.',
  lv: 'Lūdzu, atsūtiet mums savu klienta numuru.',
  sv: 'Skicka oss ditt kundnummer.',
};

interface Rendered {
  what: string;
  text: string;
}

const cases = TENANTS.flatMap((def) => def.jurisdiction.languages.filter((l): l is Exclude<Lang, 'en'> => l !== 'en').map((lang) => ({ def, lang })));

describe('language scan: no English word and no schema code in a text of another language', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let dir: string;
  const english = englishCatalogue();
  const tokens = new Map<string, string>();
  const published = new Set<string>();
  const privacyScanned = new Set<string>();
  let ip = 0;
  const nextIp = () => `198.51.100.${(ip++ % 250) + 1}`;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'regula-language-scan-'));
    mailbox = await Mailbox.start();
    h = await startApi({ TRUST_PROXY: 'true', PUBLIC_BASE_URL: 'https://regula.test', UPLOAD_DIR: dir, SMTP_URL: mailbox.smtpUrl });
    for (const def of TENANTS) {
      await createStaff(h.db.owner, `admin@${def.slug}.scan.test`, { tenant: def.slug, role: 'compliance-admin' });
      tokens.set(def.slug, await h.login(`admin@${def.slug}.scan.test`));
    }
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const getBuffer = (url: string, token: string) =>
    h.http().get(url).set('Authorization', `Bearer ${token}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

  const pdfText = (pdf: Buffer, name: string): string => {
    const file = path.join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  };

  function expectClean(def: ControllerDefinition, lang: Exclude<Lang, 'en'>, rendered: Rendered[]): void {
    const names = namesOf(def);
    const allow = [...ALLOW[lang], ...ALLOW_ALL];
    const report: string[] = [];
    for (const r of rendered) {
      expect({ what: r.what, length: r.text.trim().length > 20 }).toEqual({ what: r.what, length: true });
      const found: LanguageFinding[] = scanText(r.text, { english, allow, names });
      for (const f of found) report.push(`${r.what}: ${f.kind} "${f.match}" in "${f.context}"`);
    }
    expect(report).toEqual([]);
  }

  it('finds what it looks for: the English catalogue is large, and the English record is full of its words', () => {
    expect(english.size).toBeGreaterThan(500);
    for (const w of ['the', 'request', 'controller', 'retention']) expect(english.has(w)).toBe(true);
    const def = TENANTS.find((d) => d.slug === 'inomedis')!;
    const model = buildRecordModel(def, { asOf: '2026-11-21', timeZone: 'Europe/Riga', lang: 'lv', labelLang: 'en', generatedAt: new Date(), registerVersions: [] });
    const found = scanText(recordCsv(model), { english, names: namesOf(def) });
    expect(found.filter((f) => f.kind === 'english').length).toBeGreaterThan(50);
    expect(scanText('Glabāšana: P5Y; DPIA: not-required; 6(1)(b)', { english, names: namesOf(def) }).map((f) => f.match)).toEqual(['6(1)(b)', 'P5Y', 'not-required', 'DPIA', 'not', 'required']);
  });

  it.each(cases.map((c) => [c.def.slug, c.lang, c] as const))('%s in %s: public pages (home, privacy, forms, confirmation, status)', async (_slug, lang, { def }) => {
    const rendered: Rendered[] = [];
    const page = async (url: string) => {
      const res = await h.http().get(url).set('X-Forwarded-For', nextIp());
      if (res.status === 200 && /html/.test(res.headers['content-type'] ?? '')) rendered.push({ what: `GET ${url}`, text: pageText(res.text) });
      return res;
    };
    // publish the policy where it can be published (a policy resting on a fact nobody stated cannot), so that its page is scanned too;
    // the change summary is written by people, per language (not scanned: it is given here in the page's language)
    if (!published.has(def.slug)) {
      published.add(def.slug);
      const auth = { Authorization: `Bearer ${tokens.get(def.slug)!}` };
      const draft = await h.http().post(`/api/v1/tenants/${def.slug}/policies/drafts`).set(auth);
      if (draft.status === 201) await h.http().post(`/api/v1/tenants/${def.slug}/policies/drafts/${draft.body.id}/publish`).set(auth).send({ changeSummary: HUMAN[lang], material: false });
    }
    expect((await page(`/t/${def.slug}/?lang=${lang}`)).status).toBe(200);
    const privacy = await page(`/t/${def.slug}/privacy?lang=${lang}`);
    if (privacy.status === 200) privacyScanned.add(def.slug);
    const types = offeredTypes(def);
    for (const type of types) expect((await page(`/t/${def.slug}/request/${type}?lang=${lang}`)).status).toBe(200);

    const filed = await h.http().post(`/t/${def.slug}/request/access?lang=${lang}`).set('X-Forwarded-For', nextIp()).type('form')
      .send({ name: 'Anna Bērziņa', email: `scan.${def.slug}.${lang}@example.com` });
    expect(filed.status).toBe(201);
    rendered.push({ what: `POST /t/${def.slug}/request/access`, text: pageText(filed.text) });
    const reference = /id="reference">([^<]+)</.exec(filed.text)![1];
    const token = /name="token" value="([^"]+)"/.exec(filed.text)![1];
    expect((await page(`/t/${def.slug}/requests/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}&lang=${lang}`)).status).toBe(200);

    // the e-mails the filing sent, as sent (received by the test SMTP sink, secrets filled in)
    const mails = await mailbox.forRequest(h, reference);
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) rendered.push({ what: `e-mail ${m.template} (sent)`, text: `${m.subject}\n${m.text}` });
    expectClean(def, lang, rendered);
  });

  it.each(cases.map((c) => [c.def.slug, c.lang, c] as const))('%s in %s: every e-mail template', (_slug, lang, { def }) => {
    const renderer = new MailRenderer();
    const tenant = brandingOf({ slug: def.slug, legalName: def.legalName, definition: def } as unknown as TenantEntity);
    const at = new Date('2026-03-05T10:00:00Z');
    const url = `https://regula.test/t/${def.slug}/requests/R-7KQ2-XM4P?token=abc`;
    const data = {
      name: 'Anna Bērziņa', reference: 'R-7KQ2-XM4P', type: 'access', typeLabel: typeLabel('access', lang), receivedAt: at, dueDate: '2026-04-07', firstDueDate: '2026-04-07',
      statusUrl: url, verifyUrl: `${url}&code=123456`, code: '123456', minutes: 30, expiresAt: at, identityDocument: 'qualified-e-signature', method: 'qualified-e-signature',
      postalAddress: addressLine(def.legalAddress), groundLabel: groundLabel('excessive', lang), amount: 25, hasDownloads: true, paused: true, extended: true,
      withdrawnAt: at, askedAt: at, closeOn: at, cannotIdentify: true, authority: authorityView(def.jurisdiction.authority), number: 2, effectiveDate: '2026-12-01', days: 3, hoursLeft: 5, deadlineAt: at, awareAt: at,
      fileName: 'R-7KQ2-XM4P.pdf', policyUrl: `https://regula.test/t/${def.slug}/privacy?lang=${lang}`, diffUrl: `https://regula.test/t/${def.slug}/privacy/diff?from=1&to=2&lang=${lang}`,
      archiveUrl: `https://regula.test/t/${def.slug}/privacy/versions?lang=${lang}`,
      limitDate: '2026-03-10', workingDays: 3, limitRef: { notice: true, title: def.legalName, clause: '15' },
      email: 'anna@example.com', failures: 5, maxMinutes: 15, linkMinutes: 30, link: `https://regula.test/admin/login?link=abc`,
      // written by people, in the reader's language (a policy's change summary is written per language by its author)
      reason: HUMAN[lang], summary: HUMAN[lang], message: HUMAN[lang], changeSummary: HUMAN[lang], title: HUMAN[lang], note: HUMAN[lang], rejectionReason: HUMAN[lang], reasons: HUMAN[lang],
    };
    const rendered: Rendered[] = MAIL_TEMPLATES.map((template) => {
      // the sign-in e-mail goes to staff: its footer says so
      const out = renderer.render(tenant, template, lang, template === 'sign-in-attempts' ? { ...data, staffAccount: true } : data);
      return { what: `e-mail ${template}`, text: `${out.subject}\n${out.text}` };
    });
    expectClean(def, lang, rendered);
  });

  it.each(cases.map((c) => [c.def.slug, c.lang, c] as const))('%s in %s: the record (XLSX, CSV, PDF) and the register descriptions (HTML, PDF)', async (_slug, lang, { def }) => {
    const token = tokens.get(def.slug)!;
    const base = `/api/v1/tenants/${def.slug}/exports`;
    const rendered: Rendered[] = [];
    const xlsx = (await getBuffer(`${base}/record.xlsx?lang=${lang}`, token).expect(200)).body as Buffer;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as Parameters<typeof wb.xlsx.load>[0]);
    // The register data columns (after the ICO columns) carry every language and the schema's codes by design, for an import: not read here.
    const dataHeading = RECORD_LABELS[lang].data.facts;
    for (const sheet of wb.worksheets) {
      const cells: string[] = [sheet.name];
      let dataFrom = Infinity;
      sheet.eachRow((row) => row.eachCell((cell, col) => {
        if (cell.value === dataHeading) dataFrom = col;
        if (col < dataFrom) cells.push(String(cell.text ?? cell.value ?? ''));
      }));
      rendered.push({ what: `record.xlsx sheet "${sheet.name}"`, text: cells.join('\n') });
    }
    const csv = csvRows((await getBuffer(`${base}/record.csv?lang=${lang}`, token).expect(200)).body.toString('utf8'));
    const csvData = csv[0].indexOf(dataHeading);
    rendered.push({ what: 'record.csv', text: csv.map((row) => row.slice(0, csvData).join('\n')).join('\n') });
    rendered.push({ what: 'record.pdf', text: pdfText((await getBuffer(`${base}/record.pdf?lang=${lang}`, token).expect(200)).body, `${def.slug}-${lang}-record`) });
    for (const r of def.registers) {
      const html = (await getBuffer(`${base}/registers/${r.id}/description.html?lang=${lang}`, token).expect(200)).body.toString('utf8');
      rendered.push({ what: `description ${r.id}.html`, text: pageText(html) });
      const pdf = (await getBuffer(`${base}/registers/${r.id}/description.pdf?lang=${lang}`, token).expect(200)).body;
      rendered.push({ what: `description ${r.id}.pdf`, text: pdfText(pdf, `${def.slug}-${lang}-${r.id}`) });
    }
    expectClean(def, lang, rendered);
  });

  it.each(cases.map((c) => [c.def.slug, c.lang, c] as const))('%s in %s: an access package (HTML, CSV)', (_slug, lang, { def }) => {
    const pkg = buildAccessPackage({
      controller: def, registers: def.registers, data: sampleData(def, lang),
      request: { reference: 'R-7KQ2-XM4P', receivedAt: new Date('2026-02-01T10:00:00Z'), locale: lang }, now: new Date('2026-02-10T09:30:00Z'),
    });
    expectClean(def, lang, [
      { what: 'access package HTML', text: pageText(accessPackageHtml(pkg)) },
      // the identifier columns (register, category, record) are keys for machines, each beside its name column
      { what: 'access package CSV', text: csvRows(accessPackageCsv(pkg)).map((row) => row.filter((_, i) => ![0, 2, 9].includes(i)).join(',')).join('\n') },
    ]);
  });
});

/** The rows of an RFC 4180 CSV text, each a list of its fields. */
function csvRows(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** A data subject with a record of every data category of the tenant's first three registers, a consent, objections (one to a purpose) and a disclosure. */
function sampleData(def: ControllerDefinition, lang: Lang): SubjectData {
  const system = '11111111-1111-4111-8111-111111111111';
  let n = 0;
  const record = (registerKey: string, categoryId: string): RecordView => ({
    id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, subjectId: 's', sourceSystemId: system, externalId: `x-${n}`, registerKey, categoryId,
    value: String(10000 + n), collectedAt: new Date('2025-04-02T08:00:00Z'), anchors: {}, retentionDueAt: null, restrictedAt: null, restrictionReason: null,
    legalHold: false, erasedAt: null,
  });
  const registers = def.registers.slice(0, 3);
  const consentPurpose = def.registers.flatMap((r) => r.purposes.filter((p) => p.legalBases.some((b) => b.article === '6(1)(a)')).map((p) => ({ r, p })))[0];
  const first = registers[0];
  const recipient = first.recipients === 'none' ? undefined : first.recipients[0];
  return {
    subject: { id: 's', displayName: 'Anna Bērziņa', locale: lang, erasedAt: null },
    identifiers: [{ kind: 'email', value: 'anna@example.com' }, { kind: 'customer-number', value: '10042' }],
    records: registers.flatMap((r) => r.dataCategories.map((c) => record(r.id, c.id))),
    consents: consentPurpose
      ? [{ id: 'c1', sourceSystemId: system, externalId: 'c-1', registerKey: consentPurpose.r.id, purposeId: consentPurpose.p.id, givenAt: new Date('2025-04-02T08:00:00Z'), channel: 'CRM', policyVersion: '1', withdrawnAt: null, withdrawalEffectiveAt: null }]
      : [],
    objections: [
      { id: 'o1', kind: 'restriction', registerKey: null, purposeId: null, effectiveAt: new Date('2025-09-01T00:00:00Z'), liftedAt: null },
      { id: 'o2', kind: 'objection', registerKey: first.id, purposeId: first.purposes[0].id, effectiveAt: new Date('2025-09-01T00:00:00Z'), liftedAt: new Date('2025-10-01T00:00:00Z') },
    ],
    disclosures: recipient
      ? [{ id: 'd1', registerKey: first.id, recipientId: recipient.id, recipientName: recipient.name[lang] ?? recipient.name.en, categories: [first.dataCategories[0].id], disclosedAt: new Date('2025-10-10T10:00:00Z'), via: 'crm', legalBasis: '6(1)(b)' }]
      : [],
    sourceSystems: { [system]: 'CRM' },
  };
}
