import { Register } from '@regula/engine';
import { IngestBatch } from './ingest-batch';
import { ValidationContext, parseInstant, retentionDueFor, validateBatch } from './ingest-validation';

const text = (en: string) => ({ en });
const basis = (article: '6(1)(a)' | '6(1)(b)' | '6(1)(f)') => ({ article, description: text(article), ref: [] });

/** A small register: two categories, a consent purpose and a contract purpose, one processor limited to `contact`. */
const register: Register = {
  id: 'clients',
  name: text('Clients'),
  businessFunction: text('Sales'),
  description: text('Clients'),
  purposes: [
    { id: 'contract', name: text('Contract'), description: text('c'), legalBases: [basis('6(1)(b)')], categories: ['contact', 'recordings'], ref: [] },
    { id: 'newsletter', name: text('Newsletter'), description: text('n'), legalBases: [basis('6(1)(a)')], categories: ['contact'], ref: [] },
  ],
  subjects: [{ id: 'clients', kind: 'client', name: text('Clients'), ref: [] }],
  dataCategories: [
    { id: 'contact', name: text('Contact'), fields: text('e-mail'), required: true, providedBySubject: true, sources: ['s'], ref: [] },
    { id: 'recordings', name: text('Recordings'), fields: text('calls'), required: false, providedBySubject: false, sources: ['s'], ref: [] },
  ],
  sources: [{ id: 's', kind: 'data-subject', description: text('s'), ref: [] }],
  recipients: [{ id: 'mailer', kind: 'processor', name: text('Mailer'), categories: ['contact'], ref: [] }],
  transfers: 'none',
  retention: [
    { id: 'r1', kind: 'period', anchor: 'contract-ended', period: { years: 3 }, categories: ['contact'], description: text('r1'), action: 'erase', ref: [] },
    { id: 'r2', kind: 'period', anchor: 'collected', period: { years: 1 }, categories: ['contact'], description: text('r2'), action: 'erase', ref: [] },
    { id: 'r3', kind: 'period', anchor: 'recorded', period: { days: 30 }, categories: ['recordings'], description: text('r3'), action: 'erase', ref: [] },
  ],
  security: [],
  automatedDecisions: { profiling: false, automatedDecisions: false, significantEffects: false, ref: [] },
  location: text('EU'),
  dpia: { required: false, status: 'not-required', reason: text('no'), ref: [] },
  systems: ['crm'],
  ref: [],
};

const ctx = (over: Partial<ValidationContext> = {}): ValidationContext => ({
  systemName: 'crm', registers: new Map([[register.id, register]]), country: 'LV', timeZone: 'Europe/Riga', now: new Date('2026-03-01T00:00:00Z'), ...over,
});
const anna = { kind: 'email' as const, value: 'Anna@Example.lv' };

describe('ingest validation', () => {
  it('normalises a valid batch and computes retention due dates', () => {
    const batch: IngestBatch = {
      subjects: [{ identifiers: [anna, { kind: 'phone', value: '2612 3456' }] }],
      records: [
        { externalId: 'r-1', subject: anna, register: 'clients', category: 'contact', value: { email: 'anna@example.lv' }, collectedAt: '2024-01-10T10:00:00Z', anchors: { 'contract-ended': '2025-02-01' } },
        { externalId: 'r-2', subject: anna, register: 'clients', category: 'recordings', value: 'call.mp3', collectedAt: '2026-02-01T10:00:00+02:00' },
      ],
      consents: [{ externalId: 'c-1', subject: anna, register: 'clients', purpose: 'newsletter', givenAt: '2024-01-10', channel: 'web-form' }],
      disclosures: [{ externalId: 'd-1', subject: anna, register: 'clients', recipient: 'mailer', categories: ['contact', 'contact'], disclosedAt: '2024-02-01T00:00:00Z' }],
    };
    const v = validateBatch(batch, ctx());
    expect(v.errors).toEqual([]);
    expect(v.subjects[0].identifiers.map((i) => i.value)).toEqual(['anna@example.lv', '+37126123456']);
    expect(v.records[0].subject.value).toBe('anna@example.lv');
    // Two rules govern `contact`: the later due date wins (3 years after 1 Feb 2025, end of day in Riga).
    expect(v.records[0].retentionDueAt?.toISOString()).toBe('2028-02-01T21:59:59.999Z');
    expect(v.records[0].anchors).toEqual({ 'contract-ended': '2025-01-31T22:00:00.000Z' });
    // A recording is due 30 days after it was recorded (collectedAt by default).
    expect(v.records[1].retentionDueAt?.toISOString()).toBe('2026-03-03T21:59:59.999Z');
    expect(v.consents[0].givenAt.toISOString()).toBe('2024-01-09T22:00:00.000Z');
    expect(v.disclosures[0]).toMatchObject({ recipientName: 'Mailer', categories: ['contact'] });
  });

  it('keeps the due date open while any rule governing the category still keeps the data', () => {
    expect(retentionDueFor(register, 'contact', new Date('2024-01-10T10:00:00Z'), {}, { timeZone: 'Europe/Riga' })).toBeNull();
    expect(retentionDueFor(register, 'unknown', new Date('2024-01-10T10:00:00Z'), {}, { timeZone: 'Europe/Riga' })).toBeNull();
  });

  it('names each problem with the item, against the registers', () => {
    const v = validateBatch(
      {
        records: [
          { externalId: 'x', subject: anna, register: 'clients', category: 'shoe-size', value: 1, collectedAt: '2024-01-01' },
          { externalId: 'x', subject: anna, register: 'clients', category: 'contact', value: 1, collectedAt: '2024-01-01' },
          { externalId: 'y', subject: anna, register: 'clients', category: 'contact', value: null, collectedAt: '2024-01-01' },
          { externalId: 'z', subject: anna, register: 'clients', category: 'contact', value: 1, collectedAt: '2024-01-01T10:00:00' },
        ],
        consents: [{ externalId: 'c', subject: anna, register: 'clients', purpose: 'contract', givenAt: '2024-01-01', channel: 'paper' }],
        disclosures: [{ externalId: 'd', subject: anna, register: 'clients', recipient: 'mailer', categories: ['recordings'], disclosedAt: '2024-01-01' }],
      },
      ctx(),
    );
    expect(v.errors).toEqual([
      { item: 'records[0]', externalId: 'x', message: 'register "clients" declares no data category "shoe-size" (its categories: contact, recordings)' },
      { item: 'records[1]', externalId: 'x', message: 'externalId "x" is also used by records[0] of this batch' },
      { item: 'records[2]', externalId: 'y', message: 'value is required (any JSON value but null)' },
      { item: 'records[3]', externalId: 'z', message: expect.stringContaining('with a time-zone offset') },
      { item: 'consents[0]', externalId: 'c', message: expect.stringMatching(/does not rely on consent .* but on Art\. 6\(1\)\(b\) \(consent-based purposes of the register: newsletter\)/) },
      { item: 'disclosures[0]', externalId: 'd', message: 'recipient "mailer" of register "clients" receives only contact, not recordings' },
    ]);
  });

  it('refuses a system the register does not name, and one identifier in two subject items', () => {
    const other = validateBatch({ consents: [{ externalId: 'c', subject: anna, register: 'clients', purpose: 'newsletter', givenAt: '2024-01-01', channel: 'paper' }] }, ctx({ systemName: 'portal' }));
    expect(other.errors[0].message).toBe('register "clients" does not receive data from system "portal" (its systems: crm)');
    const twice = validateBatch({ subjects: [{ identifiers: [anna] }, { identifiers: [{ kind: 'email', value: 'anna@example.LV' }] }] }, ctx());
    expect(twice.errors).toEqual([{ item: 'subjects[1]', message: 'identifier email is also given by subjects[0] of this batch: send one item per person' }]);
  });

  it('refuses an empty batch and one with more than 1000 items', () => {
    expect(validateBatch({}, ctx()).errors[0].message).toMatch(/empty/);
    const many = { subjects: Array.from({ length: 1001 }, (_, i) => ({ identifiers: [{ kind: 'customer-number' as const, value: `C${i}` }] })) };
    expect(validateBatch(many, ctx()).errors[0].message).toMatch(/1001 items; at most 1000/);
  });

  it('reads a date as midnight in the tenant time zone and refuses timestamps without an offset', () => {
    expect(parseInstant('2026-07-01', 'x', 'Europe/Stockholm').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(parseInstant('2026-07-01T10:00:00.5+02:00', 'x', 'Europe/Stockholm').toISOString()).toBe('2026-07-01T08:00:00.500Z');
    expect(() => parseInstant('2026-02-30', 'x', 'Europe/Riga')).toThrow(/not a calendar date/);
    expect(() => parseInstant(20260701, 'x', 'Europe/Riga')).toThrow(/ISO 8601/);
  });
});

describe('ingest validation: stored text', () => {
  it('refuses NUL characters, which PostgreSQL cannot store', () => {
    const v = validateBatch({ subjects: [{ identifiers: [{ kind: 'customer-number', value: 'C1' }], displayName: 'A\u0000B' }] }, ctx());
    expect(v.errors).toEqual([{ item: 'subjects[0]', message: expect.stringContaining('NUL character') }]);
  });
});
