import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ControllerDefinition, Country, Lang, extendedDeadline, oneMonthDeadline, workingDaysDeadline } from '@regula/engine';
import { findTenant } from '@regula/tenants';
import type { RequestType } from '@regula/requests';
import { identityCheckFor, offeredTypes } from '../apps/api/src/web/public-tenant';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';
import { Person, SystemBatches, inomedisData, mergeBatches, micromedicData, softeraData } from './support/journey/datasets';
import { checkboxValues, escapeHtml, StatusPage } from './support/journey/html';
import { Filed, JourneyClient } from './support/journey/journey-client';

/**
 * The data subject's journey, end to end, on real PostgreSQL and Redis: the
 * tenant's systems push the subject's data through the ingest API; the
 * subject files every right the tenant offers through the public form, reads
 * the confirmation page (reference, status link, the engine's due date, the
 * authority), types the e-mailed code into the verify form (where the tenant
 * asks for a signed document, the code to the address its systems hold for
 * the subject is enough: the proportionate check);
 * the compliance admin fulfils through the admin API; the subject sees the
 * outcome on the status page and downloads the files; the e-mails are in the
 * outbox in the subject's language; the source systems' webhooks are written.
 *
 * Softera Baltic (LT) in Lithuanian and Inomedis (LV) in English, every
 * offered type; Micromedic (SE) access in Swedish (a signed written request
 * asked for, the held address enough). Plus an extension (Inomedis) and a refusal (Softera).
 */

// ------------------------------------------------------------------ tenants

interface TenantJourney {
  slug: string;
  /** The language the subject fills the forms in. */
  lang: Lang;
  /** The types walked through here: every type the tenant offers, unless `only`. */
  only?: RequestType[];
  /** Requests beyond the table (extension, refusal): people who need data too. */
  extraPeople: string[];
  names: string[];
  domain: string;
  phone: (i: number) => string;
  data: (p: Person) => SystemBatches;
  /** Per-type expectations of this tenant: what its registers make of the arranged data. */
  access: { register: string; basis: string; retentionRule: string; disclosuresIn: string };
  portability?: { portable: string[]; notPortable: string[] };
  erasure?: { kept: string[]; erased: string[]; law: RegExp; erasedSystems: string[]; restrictedSystems: string[] };
  rectification?: { externalId: string; form: Record<string, string>; value: (p: Person) => unknown; system: string };
  objection?: { form: Record<string, string>; body: object; flags: string[]; shows?: string };
  consent?: { withdraw: string[]; keep: string[]; workingDays: number };
  directMarketing?: { consentsWithdrawn: string[]; consentsKept: string[] };
  recipients?: { period: { from: string; to: string }; expected: Record<string, string[]> };
}

const SOFTERA: TenantJourney = {
  slug: 'softera-baltic',
  lang: 'lt',
  extraPeople: ['refusal'],
  names: ['Rūta Kazlauskienė', 'Jonas Petrauskas', 'Ona Jankauskienė', 'Tomas Stankevičius', 'Eglė Vasiliauskienė', 'Mindaugas Žukauskas', 'Asta Butkienė', 'Darius Paulauskas', 'Vaida Urbonienė', 'Lukas Kavaliauskas', 'Inga Navickienė'],
  domain: 'example.lt',
  phone: (i) => `+370 612 34 ${String(500 + i)}`,
  data: softeraData,
  access: { register: 'accounting', basis: '6(1)(c)', retentionRule: 'accounting-documents', disclosuresIn: 'clients' },
  portability: { portable: ['client-identity', 'contract-documents', 'correspondence', 'marketing-contact'], notPortable: ['accounting-records'] },
  erasure: {
    kept: ['accounting-records'],
    erased: ['client-identity', 'contract-documents', 'correspondence', 'marketing-contact', 'subscriber-data'],
    law: /Law on Accounting of the Republic of Lithuania|buhalterinės apskaitos įstatymas/,
    erasedSystems: ['crm', 'newsletter-tool'],
    restrictedSystems: ['accounting-system'],
  },
  rectification: {
    externalId: 'identity',
    form: { c1_field: 'Telefono numeris', c1_current: 'senas numeris', c1_corrected: '+370 699 00 111', message: 'Pakeičiau telefono numerį.' },
    value: (p) => ({ name: p.name, phone: '+37069900111', customerNumber: p.customerNumber }),
    system: 'crm',
  },
  objection: {
    form: { scope: 'all', message: 'Nesutinku, kad mano pokalbiai būtų įrašomi ir naudojami.' },
    body: { decision: { outcome: 'upheld' }, registers: ['customer-service'] },
    flags: ['objection:customer-service:call-recording', 'objection:customer-service:inquiries'],
  },
  consent: { withdraw: ['direct-marketing:direct-marketing', 'surveys-newsletters:newsletter'], keep: ['surveys-newsletters:opinion-polls'], workingDays: 0 },
  directMarketing: { consentsWithdrawn: ['direct-marketing:direct-marketing', 'surveys-newsletters:newsletter'], consentsKept: ['surveys-newsletters:opinion-polls'] },
};

const OVERRIDING_GROUNDS = 'Aggregated client statistics are needed for the market analysis the law requires of us, and they affect you minimally.';

const INOMEDIS: TenantJourney = {
  slug: 'inomedis',
  lang: 'en',
  extraPeople: ['extension'],
  names: ['Anna Bērziņa', 'Jānis Ozols', 'Ilze Kalniņa', 'Māris Liepa', 'Laura Krūmiņa', 'Kārlis Zariņš', 'Dace Vītola', 'Edgars Jansons', 'Santa Kļaviņa', 'Roberts Eglītis', 'Zane Siliņa', 'Artūrs Pētersons'],
  domain: 'example.lv',
  phone: (i) => `+371 2612 ${String(3400 + i)}`,
  data: inomedisData,
  access: { register: 'internal-archive', basis: '6(1)(c)', retentionRule: 'accounting-source-documents', disclosuresIn: 'clients' },
  portability: { portable: ['identity-contact', 'contract-service', 'billing', 'correspondence'], notPortable: ['accounting-source-documents', 'client-statistics', 'profile'] },
  erasure: {
    // The clients register processes the bill and the identity/contact data for billing (6(1)(c)), and its
    // retention rule (clause 29) includes the Accounting Law's storage period: both are kept, with the archive's source document.
    kept: ['accounting-source-documents', 'billing', 'identity-contact'],
    erased: ['client-statistics', 'contact', 'contract-service', 'correspondence', 'profile'],
    law: /Accounting Law|Grāmatvedības likums/,
    erasedSystems: ['crm'],
    restrictedSystems: ['accounting', 'crm'],
  },
  rectification: {
    externalId: 'identity',
    form: { c1_field: 'Phone number', c1_current: 'my old number', c1_corrected: '+371 2999 0000', message: 'I changed my phone number.' },
    value: (p) => ({ name: p.name, phone: '+37129990000', email: p.email }),
    system: 'crm',
  },
  objection: {
    form: { scope: 'all', message: 'I object to being profiled and to the use of my data for statistics.' },
    body: { decision: { outcome: 'overridden', grounds: OVERRIDING_GROUNDS } },
    // Overridden: no Art. 21(1) flag; the direct-marketing purposes on legitimate interests are honoured regardless.
    flags: ['direct-marketing:marketing:own-offers', 'direct-marketing:marketing:profiling'],
    // Art. 12(4), 21(1): the subject must be told the compelling grounds; the summary says "see the reasons".
    shows: OVERRIDING_GROUNDS,
  },
  consent: { withdraw: ['marketing:greetings-bonuses', 'marketing:partner-offers'], keep: ['marketing:surveys-new-products'], workingDays: 3 },
  directMarketing: { consentsWithdrawn: ['marketing:greetings-bonuses', 'marketing:partner-offers'], consentsKept: ['marketing:surveys-new-products'] },
  recipients: {
    period: { from: '2025-01-01', to: '2025-06-30' },
    // recipient id -> the disclosure instants reported (only those inside the period, in Riga).
    expected: { processors: ['2025-03-01T10:00:00.000Z'], 'partners-agents': ['2025-04-01T07:00:00.000Z'] },
  },
};

/** Only access: the one right for which Micromedic asks a signed written request. */
const MICROMEDIC: TenantJourney = {
  slug: 'micromedic',
  lang: 'sv',
  only: ['access'],
  extraPeople: [],
  names: ['Karin Svensson'],
  domain: 'example.se',
  phone: () => '070-123 45 67',
  data: micromedicData,
  access: { register: 'accounting', basis: '6(1)(c)', retentionRule: 'ac-statutory', disclosuresIn: 'accounting' },
};

// ------------------------------------------------------------------ what the subject reads, per language

const WORDS: Record<string, { completed: string; extended: string; refused: string; erased: string; kept: string; greeting: string; mail: Record<string, string> }> = {
  lt: {
    completed: 'Įvykdytas', extended: 'Nagrinėjamas (terminas pratęstas)', refused: 'Atsisakyta', erased: 'Kas ištrinta', kept: 'Kas išsaugota ir kodėl', greeting: 'Laba diena',
    mail: { 'request-received': 'Gavome jūsų prašymą', 'verify-email': 'Patvirtinkite savo prašymą', 'identity-confirmed': 'jūsų tapatybė patvirtinta', 'request-completed': 'įvykdytas', 'request-refused': 'negalime patenkinti jūsų prašymo' },
  },
  en: {
    completed: 'Completed', extended: 'Being handled (time limit extended)', refused: 'Refused', erased: 'What was erased', kept: 'What was kept, and why', greeting: 'Dear',
    mail: {
      'request-received': 'We have received your request', 'verify-email': 'Confirm your request', 'identity-confirmed': 'your identity is confirmed',
      'identity-document-needed': 'we need a signed document', 'request-completed': 'has been completed', 'request-extended': 'we need more time to answer',
    },
  },
  sv: {
    completed: 'Klar', extended: 'Handläggs (tiden förlängd)', refused: 'Avslagen', erased: 'Vad som har raderats', kept: 'Vad som sparas och varför', greeting: 'Hej',
    mail: {
      'request-received': 'Vi har tagit emot din begäran', 'verify-email': 'Bekräfta din begäran', 'identity-document-needed': 'vi behöver en undertecknad handling',
      'identity-confirmed': 'din identitet är bekräftad', 'request-completed': 'är slutförd',
    },
  },
};

// ------------------------------------------------------------------ the suite

describe('rights journey: from the public form to completion', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let client: JourneyClient;
  let uploads: string;
  const tenantIds: Record<string, string> = {};

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-journey-uploads-'));
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: uploads, TRUST_PROXY: 'true', PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl }, { packageWorker: true });
    client = new JourneyClient(h, mailbox);
    for (const t of [SOFTERA, INOMEDIS, MICROMEDIC]) {
      await client.addAdmin(t.slug);
      [{ id: tenantIds[t.slug] }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [t.slug]);
    }
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => h.db.owner.query(sql, params);

  /** One request's journey, shared by the steps of a tenant. */
  interface Journey {
    type: RequestType;
    person: Person;
    filed: Filed;
    receivedAt: Date;
    requestId: string;
    subjectId: string;
    /** external id suffix ('identity', 'invoice'...) -> record id. */
    records: Record<string, string>;
    fulfilledBetween?: [Date, Date];
    outcome?: Record<string, any>;
    status?: StatusPage;
  }

  function defOf(t: TenantJourney): ControllerDefinition {
    const def = findTenant(t.slug);
    if (!def) throw new Error(`no tenant ${t.slug}`);
    return def;
  }

  function peopleOf(t: TenantJourney, types: string[]): Record<string, Person> {
    return Object.fromEntries(
      [...types, ...t.extraPeople].map((tag, i) => {
        const name = t.names[i % t.names.length];
        const local = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '.');
        return [tag, { tag, name, email: `${local}.${tag}@${t.domain}`, phone: t.phone(i), customerNumber: `${t.slug.slice(0, 2).toUpperCase()}-${String(1000 + i)}` }];
      }),
    );
  }

  /** The ingested data of one person, as the dataset sent it: register, category and value per record. */
  function sentRecords(t: TenantJourney, p: Person) {
    return Object.values(t.data(p)).flatMap((b) => b.records ?? []);
  }

  async function consentsOf(subjectId: string) {
    return q<{ key: string; withdrawn_at: Date | null; withdrawal_effective_at: Date | null }>(
      `SELECT register_key || ':' || purpose_id AS key, withdrawn_at, withdrawal_effective_at FROM consents WHERE subject_id = $1`,
      [subjectId],
    );
  }

  /** The subject's processing flags as 'kind:register:purpose' ('kind:*' for the whole tenant). */
  async function flagsOf(subjectId: string): Promise<string[]> {
    const rows = await q<{ f: string }>(
      `SELECT kind || ':' || coalesce(register_key, '*') || coalesce(':' || purpose_id, '') AS f FROM processing_objections WHERE subject_id = $1`,
      [subjectId],
    );
    return rows.map((r) => r.f).sort();
  }

  async function webhookSystems(tenantId: string, event: string, reference: string): Promise<string[]> {
    const rows = await q<{ name: string }>(
      `SELECT DISTINCT s.name FROM webhook_deliveries d JOIN source_systems s ON s.id = d.source_system_id
       WHERE d.tenant_id = $1 AND d.event = $2 AND d.payload->>'requestReference' = $3`,
      [tenantId, event, reference],
    );
    return rows.map((r) => r.name).sort();
  }

  function within(d: Date | null, [from, to]: [Date, Date]) {
    expect(d).toBeInstanceOf(Date);
    expect(d!.getTime()).toBeGreaterThanOrEqual(from.getTime() - 1000);
    expect(d!.getTime()).toBeLessThanOrEqual(to.getTime() + 1000);
  }

  function downloadOf(status: StatusPage, format: 'JSON' | 'CSV' | 'HTML') {
    const d = status.downloads.find((x) => x.label.endsWith(`(${format})`));
    if (!d) throw new Error(`no ${format} download on the status page: ${JSON.stringify(status.downloads)}`);
    return d;
  }

  // ---------------------------------------------------------------- the table: request type -> form -> fulfil body -> what the subject notices

  interface TypeCase {
    /** Fields the form asks for this type, beyond name and e-mail. */
    form?: (t: TenantJourney) => Record<string, unknown>;
    /** What the admin sends to the fulfil endpoint. */
    body: (t: TenantJourney, j: Journey) => object;
    /** What the subject (and the systems) can observe afterwards. */
    check: (t: TenantJourney, j: Journey) => Promise<void>;
  }

  const CASES: Record<RequestType, TypeCase> = {
    access: {
      body: () => ({}),
      async check(t, j) {
        expect(j.status!.downloads.map((d) => d.label.replace(/.*\(/, '('))).toEqual(expect.arrayContaining(['(JSON)', '(HTML)', '(CSV)']));
        for (const d of j.status!.downloads) {
          const res = await client.download(d.href, j.filed.ip);
          expect({ href: d.href, status: res.status }).toEqual({ href: d.href, status: 200 });
          expect(res.headers['content-disposition']).toMatch(/^attachment;/);
          // The link only works with the status link's token.
          expect((await client.download(d.href.replace(/token=[^&]+/, 'token=not-the-token-of-this-request'), j.filed.ip)).status).toBe(404);
        }
        const pkg = JSON.parse((await client.download(downloadOf(j.status!, 'JSON').href, j.filed.ip)).body.toString('utf8'));
        expect(pkg.request.reference).toBe(j.filed.reference);
        // Every record the systems sent, with its value, under its register.
        for (const r of sentRecords(t, j.person)) {
          const register = pkg.registers.find((x: { id: string }) => x.id === r.register);
          expect({ record: r.externalId, found: register?.records.some((x: { categoryId: string; value: unknown }) => x.categoryId === r.category && isDeepStrictEqual(x.value, r.value)) })
            .toEqual({ record: r.externalId, found: true });
        }
        // The register facts (Art. 15(1)(a)-(h)): purposes and legal bases, recipients, retention, the disclosures made.
        const facts = pkg.registers.find((x: { id: string }) => x.id === t.access.register);
        expect(facts.purposes.flatMap((p: { legalBases: { article: string }[] }) => p.legalBases.map((b) => b.article))).toContain(t.access.basis);
        expect(facts.retention.map((r: { ruleId: string }) => r.ruleId)).toContain(t.access.retentionRule);
        expect(facts.recipients.length).toBeGreaterThan(0);
        expect(facts.sources.length).toBeGreaterThan(0);
        const sentDisclosures = Object.values(t.data(j.person)).flatMap((b) => b.disclosures ?? []);
        const withDisclosures = pkg.registers.find((x: { id: string }) => x.id === t.access.disclosuresIn);
        expect(withDisclosures.disclosures).toHaveLength(sentDisclosures.filter((d) => d.register === t.access.disclosuresIn).length);
        expect(pkg.authority.name).toBe(defOf(t).jurisdiction.authority.name);
      },
    },

    portability: {
      body: () => ({}),
      async check(t, j) {
        const res = await client.download(downloadOf(j.status!, 'JSON').href, j.filed.ip);
        expect(res.status).toBe(200);
        const exp = JSON.parse(res.body.toString('utf8'));
        const categories = new Set(exp.records.map((r: { category: string }) => r.category));
        for (const c of t.portability!.portable) expect({ category: c, exported: categories.has(c) }).toEqual({ category: c, exported: true });
        for (const c of t.portability!.notPortable) expect({ category: c, exported: categories.has(c) }).toEqual({ category: c, exported: false });
        const identity = sentRecords(t, j.person).find((r) => r.category === t.portability!.portable[0])!;
        expect(exp.records.find((r: { category: string }) => r.category === identity.category).value).toEqual(identity.value);
        expect((await client.download(downloadOf(j.status!, 'CSV').href, j.filed.ip)).status).toBe(200);
      },
    },

    erasure: {
      body: () => ({}),
      async check(t, j) {
        const o = j.outcome!;
        expect(o.kept.map((g: { category: string }) => g.category).sort()).toEqual(t.erasure!.kept);
        expect(o.erased.map((g: { category: string }) => g.category).sort()).toEqual(t.erasure!.erased);
        // The status page lists both, with why and until when the kept data stays.
        const page = j.status!.html;
        expect(page).toContain(WORDS[t.lang].erased);
        expect(page).toContain(WORDS[t.lang].kept);
        for (const k of o.kept) {
          expect(k.reason).toBe('legal-obligation');
          expect(k.law).toMatch(t.erasure!.law);
          expect(page).toContain(escapeHtml(k.explanation));
        }
        // In the database: erased values are gone; what the law keeps is restricted, with the reason.
        const rows = await q<{ category_id: string; value: unknown; erased_at: Date | null; restricted_at: Date | null; restriction_reason: string | null }>(
          `SELECT category_id, value, erased_at, restricted_at, restriction_reason FROM personal_data_records WHERE subject_id = $1`, [j.subjectId]);
        for (const r of rows) {
          if (t.erasure!.kept.includes(r.category_id)) {
            expect(r).toMatchObject({ value: expect.anything(), erased_at: null, restricted_at: expect.any(Date) });
            expect(r.restriction_reason).toMatch(t.erasure!.law);
            expect(r.restriction_reason).toContain(o.kept.find((k: { category: string }) => k.category === r.category_id).until);
          } else {
            expect({ category: r.category_id, value: r.value, erased: !!r.erased_at }).toEqual({ category: r.category_id, value: null, erased: true });
          }
        }
        // The systems holding the data are told (webhook outbox).
        expect(await webhookSystems(tenantIds[t.slug], 'record.erased', j.filed.reference)).toEqual(t.erasure!.erasedSystems);
        expect(await webhookSystems(tenantIds[t.slug], 'record.restricted', j.filed.reference)).toEqual(t.erasure!.restrictedSystems);
      },
    },

    rectification: {
      form: (t) => t.rectification!.form,
      body: (t, j) => ({ corrections: [{ recordId: j.records[t.rectification!.externalId], value: t.rectification!.value(j.person) }] }),
      async check(t, j) {
        const recordId = j.records[t.rectification!.externalId];
        const old = sentRecords(t, j.person).find((r) => r.externalId.endsWith(`-${t.rectification!.externalId}`))!.value;
        const [row] = await q<{ value: unknown }>(`SELECT value FROM personal_data_records WHERE id = $1`, [recordId]);
        expect(row.value).toEqual(t.rectification!.value(j.person));
        const [audit] = await q<{ details: { corrections: { recordId: string; old: unknown; new: unknown }[] } }>(
          `SELECT details FROM audit_log WHERE tenant_id = $1 AND action = 'request.fulfilled' AND target_id = $2`, [tenantIds[t.slug], j.requestId]);
        expect(audit.details.corrections).toEqual([expect.objectContaining({ recordId, old, new: t.rectification!.value(j.person) })]);
        expect(await webhookSystems(tenantIds[t.slug], 'record.rectified', j.filed.reference)).toEqual([t.rectification!.system]);
        const [hook] = await q<{ payload: { records: { value: unknown }[] } }>(
          `SELECT payload FROM webhook_deliveries WHERE event = 'record.rectified' AND payload->>'requestReference' = $1`, [j.filed.reference]);
        expect(hook.payload.records.map((r) => r.value)).toEqual([t.rectification!.value(j.person)]);
      },
    },

    restriction: {
      body: () => ({ restrictionGround: 'a' }),
      async check(t, j) {
        expect(await flagsOf(j.subjectId)).toEqual(['restriction:*']);
        const rows = await q<{ restricted_at: Date | null }>(`SELECT restricted_at FROM personal_data_records WHERE subject_id = $1`, [j.subjectId]);
        expect(rows.length).toBe(sentRecords(t, j.person).length);
        for (const r of rows) within(r.restricted_at, j.fulfilledBetween!);
        const systems = Object.keys(t.data(j.person)).filter((s) => t.data(j.person)[s].records?.length).sort();
        expect(await webhookSystems(tenantIds[t.slug], 'record.restricted', j.filed.reference)).toEqual(systems);
      },
    },

    objection: {
      form: (t) => t.objection!.form,
      body: (t) => t.objection!.body,
      async check(t, j) {
        expect(await flagsOf(j.subjectId)).toEqual(t.objection!.flags);
        expect(j.outcome!.decision).toBe((t.objection!.body as { decision: { outcome: string } }).decision.outcome);
        if (t.objection!.shows) {
          const [mail] = (await client.outbox(t.slug, j.filed.reference)).filter((m) => m.template === 'request-completed');
          expect({ statusPage: j.status!.html.includes(escapeHtml(t.objection!.shows)), completionMail: mail.text.includes(t.objection!.shows) })
            .toEqual({ statusPage: true, completionMail: true });
        }
      },
    },

    'objection-direct-marketing': {
      body: () => ({}),
      async check(t, j) {
        const dm = defOf(t).registers.flatMap((r) => r.purposes.filter((p) => p.directMarketing).map((p) => `direct-marketing:${r.id}:${p.id}`));
        expect(await flagsOf(j.subjectId)).toEqual([...dm, 'direct-marketing:*'].sort());
        // Marketing consents are withdrawn at once (not after any promised period); other consents stay.
        const consents = await consentsOf(j.subjectId);
        for (const key of t.directMarketing!.consentsWithdrawn) {
          const c = consents.find((x) => x.key === key)!;
          within(c.withdrawn_at, j.fulfilledBetween!);
          within(c.withdrawal_effective_at, j.fulfilledBetween!);
        }
        for (const key of t.directMarketing!.consentsKept) expect(consents.find((x) => x.key === key)!.withdrawn_at).toBeNull();
      },
    },

    'objection-automated': {
      body: () => ({}),
      async check(t, j) {
        const profiling = defOf(t).registers.filter((r) => r.automatedDecisions.profiling || r.automatedDecisions.automatedDecisions).map((r) => `automated-decisions:${r.id}`);
        expect(profiling.length).toBeGreaterThan(0);
        expect(await flagsOf(j.subjectId)).toEqual([...profiling, 'automated-decisions:*'].sort());
      },
    },

    'consent-withdrawal': {
      form: (t) => ({ purposes: t.consent!.withdraw }),
      body: () => ({}),
      async check(t, j) {
        const def = defOf(t);
        expect(def.requests.consentWithdrawalWorkingDays ?? 0).toBe(t.consent!.workingDays);
        // Withdrawn and in effect as of receipt everywhere (Art. 7(3)); Inomedis's promised working days are only the outer limit.
        const effectiveAt = j.receivedAt;
        const consents = await consentsOf(j.subjectId);
        for (const key of t.consent!.withdraw) {
          const c = consents.find((x) => x.key === key)!;
          expect({ key, withdrawnAt: c.withdrawn_at?.toISOString(), effectiveAt: c.withdrawal_effective_at?.toISOString() })
            .toEqual({ key, withdrawnAt: j.receivedAt.toISOString(), effectiveAt: effectiveAt.toISOString() });
        }
        for (const key of t.consent!.keep) expect(consents.find((x) => x.key === key)!.withdrawn_at).toBeNull();
        expect(j.outcome!.effectiveAt).toBe(effectiveAt.toISOString());
        if (t.consent!.workingDays) {
          const limit = workingDaysDeadline({ country: def.jurisdiction.country as Country, timeZone: def.jurisdiction.timeZone, received: j.receivedAt }, t.consent!.workingDays);
          expect(j.outcome!.carryOutBy).toMatchObject({ dueDate: limit.dueDate, workingDays: t.consent!.workingDays });
        } else {
          expect(j.outcome!.carryOutBy).toBeUndefined();
        }
        expect((await webhookSystems(tenantIds[t.slug], 'consent.withdrawn', j.filed.reference)).length).toBeGreaterThan(0);
      },
    },

    'recipients-in-period': {
      form: (t) => t.recipients!.period,
      body: (t) => ({ period: t.recipients!.period }),
      async check(t, j) {
        const res = await client.download(downloadOf(j.status!, 'JSON').href, j.filed.ip);
        expect(res.status).toBe(200);
        const report = JSON.parse(res.body.toString('utf8'));
        expect(report.period).toEqual(t.recipients!.period);
        const got = Object.fromEntries(report.recipients.map((r: { recipientId: string; disclosures: { date: string }[] }) => [r.recipientId, r.disclosures.map((d) => d.date)]));
        expect(got).toEqual(t.recipients!.expected);
      },
    },
  };

  // ---------------------------------------------------------------- one tenant's journey

  describe.each([SOFTERA, INOMEDIS, MICROMEDIC])('$slug (forms in $lang)', (t) => {
    const def = defOf(t);
    const country = def.jurisdiction.country as Country;
    const timeZone = def.jurisdiction.timeZone;
    const types: RequestType[] = t.only ?? offeredTypes(def);
    const people = peopleOf(t, types);
    const journeys: Partial<Record<RequestType, Journey>> = {};
    const all = () => types.map((type) => journeys[type]!);

    it('has a case in the table for every type the tenant offers', () => {
      expect(types.length).toBeGreaterThan(0);
      expect(types.filter((type) => !CASES[type])).toEqual([]);
    });

    it("arranges the subjects' data through the ingest API, one batch per source system", async () => {
      const batches = mergeBatches(Object.values(people).map((p) => t.data(p)));
      const keys: Record<string, string> = {};
      for (const [system, batch] of Object.entries(batches)) {
        keys[system] = await client.createSystem(t.slug, system);
        const res = await client.ingest(t.slug, keys[system], batch);
        expect(res.changed).toBeGreaterThan(0);
        expect(res.items.filter((i) => i.status === 'ignored')).toEqual([]);
      }
      const [count] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM personal_data_records WHERE tenant_id = $1`, [tenantIds[t.slug]]);
      expect(count.n).toBe(Object.values(people).reduce((n, p) => n + sentRecords(t, p).length, 0));
      // A system that retries its batch changes nothing.
      const [first] = Object.entries(batches);
      expect((await client.ingest(t.slug, keys[first[0]], first[1])).changed).toBe(0);
    });

    it('files every type through the public form: the confirmation page gives the reference, the status link, the engine due date and the authority', async () => {
      const authority = def.jurisdiction.authority;
      for (const type of types) {
        const p = people[type];
        const ip = client.nextIp();
        const extra = CASES[type].form?.(t) ?? {};
        const formPage = await client.page(`/t/${t.slug}/request/${type}?lang=${t.lang}`, ip);
        expect({ type, status: formPage.status }).toEqual({ type, status: 200 });
        for (const [field, value] of Object.entries(extra)) {
          if (Array.isArray(value)) expect(checkboxValues(formPage.text, field)).toEqual(expect.arrayContaining(value));
        }
        const filed = await client.fileByForm(t.slug, type, t.lang, { name: p.name, email: p.email, ...extra }, ip);
        expect(filed.reference).toMatch(/^R-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
        expect(filed.statusLink).toBe(`/t/${t.slug}/requests/${filed.reference}?lang=${t.lang}&token=${filed.token}`);
        expect(filed.html).toContain(`<html lang="${t.lang}">`);

        const { request } = await client.detail(t.slug, filed.reference);
        expect(request).toMatchObject({ state: 'awaiting-identity', locale: t.lang, requesterEmail: p.email });
        const receivedAt = new Date(request.receivedAt);
        const due = oneMonthDeadline({ country, timeZone, received: receivedAt });
        expect({ type, dueDate: filed.dueDate }).toEqual({ type, dueDate: due.dueDate });
        expect(filed.html).toContain(escapeHtml(authority.name));
        expect(filed.html).toContain(authority.email);
        const [subject] = await q<{ subject_id: string }>(`SELECT subject_id FROM subject_identifiers WHERE tenant_id = $1 AND kind = 'email' AND value = $2`, [tenantIds[t.slug], p.email]);
        const records = await q<{ id: string; external_id: string }>(`SELECT id, external_id FROM personal_data_records WHERE subject_id = $1`, [subject.subject_id]);
        journeys[type] = {
          type, person: p, filed, receivedAt, requestId: request.id, subjectId: subject.subject_id,
          // '<system>-<tag>-identity' -> 'identity'
          records: Object.fromEntries(records.map((r) => [r.external_id.slice(r.external_id.indexOf(`-${p.tag}-`) + p.tag.length + 2), r.id])),
        };
      }
    });

    it('confirms each by the e-mailed code in the verify form; where a document is required, the code to the address the controller holds is enough', async () => {
      for (const j of all()) {
        const code = await client.codeReceived(j.filed.reference);
        const next = await client.verifyByForm(j.filed, code);
        expect(next).toBe(j.filed.statusLink);
        // Where the tenant asks for a signed request or a qualified e-signature, the requester writes from the address the
        // controller's systems hold for them: the code is enough (the proportionate check, GDPR Art. 12(2), 12(6), recital 64),
        // no document is asked for. The upload path is covered by test/public-pages, test/requests-admin and test/request-clock.
        if (identityCheckFor(def, j.type) !== 'email-link') expect((await client.status(j.filed)).html).not.toContain('enctype="multipart/form-data"');
        const { request } = await client.detail(t.slug, j.filed.reference);
        // A consent withdrawal is carried out by Regula once identity is established (GDPR Art. 7(3)); the rest wait for the admin.
        expect({ type: j.type, state: request.state }).toEqual({ type: j.type, state: j.type === 'consent-withdrawal' ? 'completed' : 'in-progress' });
      }
    });

    it('links each request, once identity is established, to the data subject the systems sent (the requester e-mail)', async () => {
      const linked = [];
      for (const j of all()) {
        const { request } = await client.detail(t.slug, j.filed.reference);
        linked.push({ type: j.type, identity: identityCheckFor(def, j.type), subjectId: request.subjectId });
      }
      expect(linked).toEqual(all().map((j) => ({ type: j.type, identity: identityCheckFor(def, j.type), subjectId: j.subjectId })));
    });

    it.each(types)('%s: fulfilled through the admin API; the status page shows it completed, with the outcome', async (type) => {
      const c = CASES[type];
      const j = journeys[type]!;
      expect(j).toBeDefined();
      const before = new Date();
      if (type === 'consent-withdrawal') {
        // No admin step: Regula applied it when the code confirmed the requester, through a preview and its confirmation,
        // both kept on the request with "system" as who acted; the outcome is the one an admin would have produced.
        const plans = await client.admin(t.slug, 'get', `/api/v1/tenants/${t.slug}/requests/${j.filed.reference}/fulfilment-plans`);
        expect(plans.status).toBe(200);
        expect(plans.body).toEqual([expect.objectContaining({ type, previewedBy: 'system', confirmedBy: 'system', difference: expect.objectContaining({ same: true }) })]);
        const again = await client.fulfil(t.slug, j.filed.reference, c.body(t, j));
        expect(again.status).toBe(409);
        const [row] = await q<{ outcome: Record<string, any> }>(`SELECT outcome FROM rights_requests WHERE id = $1`, [j.requestId]);
        j.outcome = row.outcome;
        j.status = await client.status(j.filed);
        expect(j.status.state).toBe(WORDS[t.lang].completed);
        expect(j.status.html).toContain(escapeHtml(String(row.outcome.summary)));
        await c.check(t, j);
        return;
      }
      const res = await client.fulfil(t.slug, j.filed.reference, c.body(t, j));
      expect({ status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, body: undefined });
      j.fulfilledBetween = [before, new Date()];
      expect(res.body).toMatchObject({ reference: j.filed.reference, type, state: 'completed', outcome: { type } });
      expect(res.body.outcome.result).not.toBe('no-personal-data-found');
      j.outcome = res.body.outcome;
      j.status = await client.status(j.filed);
      expect(j.status.state).toBe(WORDS[t.lang].completed);
      expect(j.status.html).toContain(escapeHtml(res.body.outcome.summary));
      await c.check(t, j);
    });

    it('e-mailed each requester the acknowledgement, the code and the completion, in their language', async () => {
      const words = WORDS[t.lang];
      for (const j of all()) {
        const mails = await client.outbox(t.slug, j.filed.reference);
        // The acknowledgement and the code are written in one transaction (same instant): compared as a set.
        // Download codes (one per file the subject downloaded, issue 14 §4) come and go with the downloads: not counted here.
        const templates = mails.map((m) => m.template).filter((x) => x !== 'download-code').sort();
        const expected = ['request-received', 'verify-email', 'identity-confirmed', 'request-completed'].sort();
        expect({ type: j.type, templates }).toEqual({ type: j.type, templates: expected });
        for (const m of mails) {
          expect({ template: m.template, to: m.to, locale: m.locale }).toEqual({ template: m.template, to: j.person.email, locale: t.lang });
          expect(m.text).toContain(words.greeting);
          if (words.mail[m.template]) expect({ template: m.template, subject: m.subject }).toEqual({ template: m.template, subject: expect.stringContaining(words.mail[m.template]) });
          expect(m.text).toContain(j.filed.reference);
        }
        const ack = mails.find((m) => m.template === 'request-received')!;
        expect(ack.text).toContain(def.jurisdiction.authority.email);
        // The status link as received: a token of its own (minted when the e-mail was sent) that opens the status page.
        const [received] = await client.received(j.filed.reference, 'request-received');
        const link = new RegExp(`https://regula\\.test(/t/${t.slug}/requests/${j.filed.reference}\\?token=[A-Za-z0-9_-]{43})`).exec(received.text);
        expect({ type: j.type, link: !!link }).toEqual({ type: j.type, link: true });
        expect((await client.page(`${link![1]}&lang=${t.lang}`, j.filed.ip)).status).toBe(200);
      }
    });
  });

  // ---------------------------------------------------------------- extension and refusal

  describe('an extension (Inomedis) and a refusal (Softera Baltic)', () => {
    async function fileAndVerify(t: TenantJourney, tag: string): Promise<{ filed: Filed; receivedAt: Date; person: Person }> {
      const def = defOf(t);
      const person = peopleOf(t, t.only ?? offeredTypes(def))[tag];
      const filed = await client.fileByForm(t.slug, 'access', t.lang, { name: person.name, email: person.email });
      await client.verifyByForm(filed, await client.codeReceived(filed.reference));
      const { request } = await client.detail(t.slug, filed.reference);
      return { filed, receivedAt: new Date(request.receivedAt), person };
    }

    it('extends within the first month: the new due date is the engine’s extendedDeadline, and the subject is told why', async () => {
      const t = INOMEDIS;
      const def = defOf(t);
      const { filed, receivedAt, person } = await fileAndVerify(t, 'extension');
      const reason = 'Your data is held in three systems and the archive must be searched by hand.';
      const res = await client.admin(t.slug, 'post', `/api/v1/tenants/${t.slug}/requests/${filed.reference}/extend`).send({ reason });
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('extended');
      const { suspensions } = await client.detail(t.slug, filed.reference);
      const expected = extendedDeadline({
        country: def.jurisdiction.country as Country, timeZone: def.jurisdiction.timeZone, received: receivedAt,
        suspensions: suspensions.map((s) => ({ from: new Date(s.fromAt), to: new Date(s.toAt!) })),
      });
      expect(res.body.dueDate).toBe(expected.dueDate);
      expect(expected.dueDate > oneMonthDeadline({ country: def.jurisdiction.country as Country, timeZone: def.jurisdiction.timeZone, received: receivedAt }).dueDate).toBe(true);

      const [mail] = (await client.outbox(t.slug, filed.reference)).filter((m) => m.template === 'request-extended');
      expect(mail).toMatchObject({ to: person.email, locale: 'en', subject: expect.stringContaining(WORDS.en.mail['request-extended']) });
      expect(mail.text).toContain(reason);
      expect(mail.text).toContain('three months from receipt');
      expect(mail.text).toContain(def.jurisdiction.authority.email);
      const status = await client.status(filed);
      expect(status.state).toBe(WORDS.en.extended);

      // Still answered within the extended time.
      const done = await client.fulfil(t.slug, filed.reference, {});
      expect(done.status).toBe(200);
      expect((await client.status(filed)).state).toBe(WORDS.en.completed);
    });

    it('refuses with the ground and reasons: the e-mail names the authority and the right to complain and to go to court', async () => {
      const t = SOFTERA;
      const def = defOf(t);
      const { filed, person } = await fileAndVerify(t, 'refusal');
      const reason = 'Per pastarąsias dvi savaites pateikėte dvidešimt vienodų prašymų; šis prašymas yra akivaizdžiai nepagrįstas.';
      const res = await client.admin(t.slug, 'post', `/api/v1/tenants/${t.slug}/requests/${filed.reference}/refuse`).send({ ground: 'manifestly-unfounded', reason });
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('refused');

      const [mail] = (await client.outbox(t.slug, filed.reference)).filter((m) => m.template === 'request-refused');
      expect(mail).toMatchObject({ to: person.email, locale: 'lt', subject: expect.stringContaining(WORDS.lt.mail['request-refused']) });
      expect(mail.text).toContain(reason);
      expect(mail.text).toContain(def.jurisdiction.authority.name);
      expect(mail.text).toContain(def.jurisdiction.authority.email);
      expect(mail.text).toContain('Turite teisę pateikti skundą priežiūros institucijai');
      expect(mail.text).toContain('kreiptis į teismą');
      const status = await client.status(filed);
      expect(status.state).toBe(WORDS.lt.refused);
      expect(status.html).toContain(escapeHtml(reason));
    });
  });
});
