import { medicalManagement, inomedis } from '@regula/tenants';
import { buildAccessPackage, type AccessPackageInput } from './access-package.builder';
import { ACCESS_CSV_HEADER, accessPackageCsv, accessPackageHtml, accessPackageJson } from './access-package.writer';
import type { RecordView, SubjectData } from './subject-data';
import { CSV_COLUMNS } from './fulfilment-text';

const CRM = '11111111-1111-4111-8111-111111111111';
const now = new Date('2026-02-10T09:30:00Z');
let n = 0;
function record(registerKey: string, categoryId: string, value: unknown, over: Partial<RecordView> = {}): RecordView {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, subjectId: 's', sourceSystemId: CRM, externalId: `crm-${n}`, registerKey, categoryId,
    value, collectedAt: new Date('2025-04-02T08:00:00Z'), anchors: {}, retentionDueAt: null, restrictedAt: null, restrictionReason: null,
    legalHold: false, erasedAt: null, ...over,
  };
}

function mmData(): SubjectData {
  return {
    subject: { id: 's', displayName: 'Mari Maasikas', locale: 'et', erasedAt: null },
    identifiers: [{ kind: 'email', value: 'mari@example.ee' }],
    records: [
      record('customer-relationship', 'crm-name', 'Mari Maasikas'),
      record('customer-relationship', 'contract-history', { order: 'A-17', total: 1200 }),
      record('customer-relationship', 'correspondence', '=HYPERLINK("http://evil.example","click") <script>alert(1)</script>'),
      record('direct-marketing', 'marketing-contact', 'mari@example.ee', { anchors: { 'consent-withdrawn': '2025-06-01T00:00:00Z' } }),
      record('portal-accounts', 'account-email', 'gone@example.ee', { erasedAt: new Date('2025-05-01T00:00:00Z'), value: null }),
      record('log-data', 'log-data', '10.0.0.1', { retentionDueAt: new Date('2026-04-02T20:59:59.999Z'), restrictedAt: new Date('2026-01-01T00:00:00Z'), restrictionReason: 'accuracy contested' }),
    ],
    consents: [
      { id: 'c1', sourceSystemId: CRM, externalId: 'cons-1', registerKey: 'direct-marketing', purposeId: 'personalised-offers', givenAt: new Date('2025-04-02T08:00:00Z'), channel: 'web-form', policyVersion: '3', withdrawnAt: null, withdrawalEffectiveAt: null },
    ],
    objections: [
      { id: 'o1', kind: 'automated-decisions', registerKey: null, purposeId: null, effectiveAt: new Date('2025-09-01T00:00:00Z'), liftedAt: null },
    ],
    disclosures: [
      { id: 'd1', registerKey: 'customer-relationship', recipientId: 'payment-gateway', recipientName: 'Payment gateway', categories: ['crm-name'], disclosedAt: new Date('2025-10-10T10:00:00Z'), via: 'crm', legalBasis: '6(1)(b)' },
      { id: 'd2', registerKey: 'customer-relationship', recipientId: 'authorities', recipientName: 'Police', categories: ['crm-name'], disclosedAt: new Date('2025-11-10T10:00:00Z'), via: 'crm', legalBasis: '6(1)(c)' },
      { id: 'd3', registerKey: 'customer-relationship', recipientId: 'data-subject', recipientName: 'the data subject', categories: ['crm-name'], disclosedAt: new Date('2025-12-10T10:00:00Z'), via: 'regula', legalBasis: null },
    ],
    sourceSystems: { [CRM]: 'crm' },
  };
}

function input(over: Partial<AccessPackageInput> = {}): AccessPackageInput {
  return {
    controller: medicalManagement,
    registers: medicalManagement.registers,
    data: mmData(),
    request: { reference: 'R-TEST-0001', receivedAt: new Date('2026-02-01T10:00:00Z'), locale: 'en' },
    now,
    ...over,
  };
}

describe('access package (GDPR Art. 15) from the Medical Management definition', () => {
  const pkg = buildAccessPackage(input());
  const crm = pkg.registers.find((r) => r.id === 'customer-relationship')!;
  const dm = pkg.registers.find((r) => r.id === 'direct-marketing')!;

  it('covers every register the subject has data, consents, objections or disclosures in, and none other', () => {
    expect(pkg.registers.map((r) => r.id)).toEqual(['customer-relationship', 'direct-marketing', 'log-data']);
    expect(pkg.registers.every((r) => r.current)).toBe(true);
  });

  it('15(3): holds the data itself, without erased records', () => {
    expect(crm.records.map((r) => [r.categoryId, r.value])).toEqual([
      ['crm-name', 'Mari Maasikas'],
      ['contract-history', { order: 'A-17', total: 1200 }],
      ['correspondence', expect.stringContaining('<script>')],
    ]);
    expect(JSON.stringify(pkg)).not.toContain('gone@example.ee');
    expect(crm.records[0]).toMatchObject({ categoryId: 'crm-name', sourceSystem: 'crm', collectedAt: '2025-04-02T08:00:00.000Z' });
    expect(crm.categories.find((c) => c.id === 'crm-name')).toMatchObject({ name: 'Name', records: 1 });
  });

  it('keeps per record only what differs per record: purposes, bases, recipients and the rule are the category\'s', () => {
    expect(Object.keys(crm.records[0]).sort()).toEqual(['categoryId', 'collectedAt', 'erasureDue', 'recordId', 'restricted', 'sourceSystem', 'value']);
    const contract = crm.categories.find((c) => c.id === 'contract-history')!;
    expect(contract.legalBases).toContain('legal obligation (GDPR Art. 6(1)(c))');
    expect(contract.recipients).toContain('Payment gateway provider (processor)');
    expect(contract.retention.rule).toMatch(/seven years from the end of the financial year/);
  });

  it('15(1)(a): purposes with their legal bases, the legitimate interest where (f), the law where (c)', () => {
    const transactions = crm.purposes.find((p) => p.id === 'transactions')!;
    expect(transactions.legalBases.map((b) => b.article)).toEqual(['6(1)(b)', '6(1)(f)', '6(1)(c)']);
    const f = transactions.legalBases.find((b) => b.article === '6(1)(f)')!;
    expect(f.label).toBe('legitimate interests (GDPR Art. 6(1)(f))');
    expect(f.legitimateInterest).toBe('Managing the business relationship with our customers and their contact persons.');
    expect(transactions.legalBases.find((b) => b.article === '6(1)(c)')!.law).toMatch(/^Estonian Accounting Act, § 12/);
    expect(dm.purposes.map((p) => p.id)).toEqual(['personalised-offers', 'campaigns', 'marketing-choices']);
    expect(dm.purposes[0].directMarketing).toBe(true);
  });

  it('15(1)(b): the categories held, with how many records', () => {
    expect(crm.categories.map((c) => [c.id, c.records])).toEqual([['crm-name', 1], ['contract-history', 1], ['correspondence', 1]]);
  });

  it('15(1)(c) and 15(2): recipients (kind, name), transfers with their safeguards, and the disclosures actually made', () => {
    expect(crm.recipients.map((r) => r.id)).toEqual(['crm-provider', 'hosting-partners', 'email-service', 'payment-gateway', 'authorities']);
    expect(crm.recipients.find((r) => r.id === 'authorities')).toMatchObject({ kind: 'authority', kindLabel: 'public authority' });
    expect(crm.transfers.length).toBeGreaterThan(0);
    for (const t of crm.transfers) expect(t.safeguardLabel).not.toBe('None');
    expect(crm.disclosures.map((d) => d.recipient)).toEqual(['Payment gateway', 'Police']);
  });

  it('15(1)(d): the retention rule in words and each record’s erasure date', () => {
    const contract = crm.records.find((r) => r.categoryId === 'contract-history')!;
    expect(crm.categories.find((c) => c.id === 'contract-history')!.retention.ruleId).toBe('accounting-source-documents');
    expect(crm.categories.find((c) => c.id === 'contract-history')!.retention.rule).toMatch(/seven years from the end of the financial year/);
    expect(contract.erasureDue).toBeNull(); // the contract has not ended
    const log = pkg.registers.find((r) => r.id === 'log-data')!.records[0];
    expect(log.erasureDue).toBe('2026-04-02');
    expect(log.restricted).toEqual({ since: '2026-01-01T00:00:00.000Z', reason: 'accuracy contested' });
    expect(crm.retention.map((r) => r.ruleId)).toEqual(['accounting-source-documents', 'customer-master-data']);
  });

  it('15(1)(e)-(f): the rights and the supervisory authority', () => {
    expect(pkg.rights.map((r) => r.right)).toEqual(expect.arrayContaining(['A15', 'A16', 'A17', 'A18', 'A20', 'A21', 'A77']));
    expect(pkg.rights.find((r) => r.right === 'A21-2')!.article).toBe('Art. 21(2)');
    expect(pkg.authority).toMatchObject({ name: 'Andmekaitse Inspektsioon', email: 'info@aki.ee' });
  });

  it('15(1)(g): the sources of the data', () => {
    expect(crm.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['data-subject', 'public-sources', 'third-parties']));
    expect(crm.sources.find((s) => s.id === 'public-sources')!.categories).toEqual(['Name']);
  });

  it('15(1)(h): automated decisions and profiling, with the logic', () => {
    expect(dm.automatedDecisions).toMatchObject({ profiling: true, automatedDecisions: false, significantEffects: false });
    expect(dm.automatedDecisions.logic).toMatch(/^Content and offers are chosen/);
    expect(pkg.objections).toEqual([expect.objectContaining({ kind: 'automated-decisions', label: 'objection to automated decisions (Art. 22)' })]);
  });

  it('lists consents and leaves out Regula’s own answers to the subject', () => {
    expect(dm.consents).toEqual([expect.objectContaining({ purposeId: 'personalised-offers', purpose: 'Personalised content and offers', withdrawnAt: null })]);
    expect(crm.disclosures.map((d) => d.date)).not.toContain('2025-12-10T10:00:00.000Z');
  });

  it('leaves out withheld disclosures entirely', () => {
    const p = buildAccessPackage(input({ withheldDisclosureIds: ['d2'] }));
    expect(JSON.stringify(p)).not.toContain('Police');
  });

  it('speaks the request’s language, with English where the controller has no text', () => {
    const et = buildAccessPackage(input({ request: { reference: 'R', receivedAt: now, locale: 'et' } }));
    expect(et.language).toBe('et');
    expect(et.registers[0].name).toBe('Kliendisuhete haldus');
    expect(et.registers[0].categories.find((c) => c.id === et.registers[0].records[0].categoryId)!.name).toBe('Nimi');
    expect(et.registers[0].purposes[0].legalBases[0].label).toBe('õigustatud huvi (IKÜM art 6 lg 1 p f)');
    const fr = buildAccessPackage(input({ request: { reference: 'R', receivedAt: now, locale: 'fr-FR' } }));
    expect(fr.language).toBe('en');
    expect(fr.registers[0].name).toBe('Customer relationship management');
    const sv = buildAccessPackage(input({ request: { reference: 'R', receivedAt: now, locale: 'sv' } }));
    expect(sv.registers[0].name).toBe('Customer relationship management'); // MM publishes no Swedish
  });

  it('JSON round-trips', () => {
    expect(JSON.parse(accessPackageJson(pkg))).toEqual(JSON.parse(JSON.stringify(pkg)));
  });

  describe('HTML page', () => {
    const html = accessPackageHtml(pkg);
    it('is self-contained: no scripts, no external resources, a CSP that forbids fetching', () => {
      expect(html).toMatch(/^<!DOCTYPE html>/);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=/i);
    });
    it('escapes the data', () => {
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
    });
    it('shows the data and the register facts, times in the controller’s zone', () => {
      for (const s of ['Mari Maasikas', 'Customer relationship management', 'legal obligation (GDPR Art. 6(1)(c))', 'Estonian Accounting Act', 'Andmekaitse Inspektsioon', 'Payment gateway', '2025-04-02 11:00', '2026-04-02']) {
        expect(html).toContain(s.replace(/&/g, '&amp;'));
      }
    });
  });

  describe('CSV', () => {
    const csv = accessPackageCsv(pkg);
    const lines = csv.split('\r\n');
    it('has the header and one row per record held', () => {
      expect(lines[0]).toBe(CSV_COLUMNS.en.join(','));
      expect(CSV_COLUMNS.en).toHaveLength(ACCESS_CSV_HEADER.length);
      expect(lines.filter(Boolean)).toHaveLength(1 + 5);
    });
    it('neutralises formulas and quotes per RFC 4180', () => {
      const row = lines.find((l) => l.startsWith('customer-relationship,Customer relationship management,correspondence,'))!;
      expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""click"") <script>alert(1)</script>"`);
      expect(csv).toContain('"{""order"":""A-17"",""total"":1200}"');
    });
    it('carries per row only what differs per record (the register facts are in the JSON and HTML, once per register)', () => {
      const row = lines.find((l) => l.startsWith('customer-relationship,Customer relationship management,contract-history'))!;
      expect(row).not.toContain('legal obligation');
      expect(row.split(',').length).toBeGreaterThanOrEqual(ACCESS_CSV_HEADER.length);
    });
  });
});

describe('access package from the Inomedis definition (Latvian)', () => {
  it('renders Latvian texts, the DVI and Inomedis’s own rights (recipients in a period)', () => {
    const pkg = buildAccessPackage({
      controller: inomedis,
      registers: inomedis.registers,
      data: {
        subject: { id: 's', displayName: null, locale: 'lv', erasedAt: null },
        identifiers: [],
        records: [record('marketing', 'contact', 'anna@example.lv'), record('clients', 'billing', 'LV-INV-1')],
        consents: [], objections: [], disclosures: [], sourceSystems: {},
      },
      request: { reference: 'R-LV', receivedAt: now, locale: 'lv' },
      now,
    });
    expect(pkg.registers.map((r) => r.id)).toEqual(['clients', 'marketing']);
    expect(pkg.registers[1].name).toBe('Mārketings un profilēšana');
    expect(pkg.registers[1].automatedDecisions).toMatchObject({ profiling: true, automatedDecisions: true });
    expect(pkg.authority.name).toBe('Datu valsts inspekcija');
    expect(pkg.rights.some((r) => r.right === 'recipients-in-period' && r.conditions)).toBe(true);
    const html = accessPackageHtml(pkg);
    expect(html).toContain('<html lang="lv">');
    expect(html).toContain('Jūsu personas dati');
  });
});
