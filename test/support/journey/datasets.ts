import type { IngestBatch, SubjectInput } from '@regula/ingest';

/**
 * What the tenants' own systems know about a person, sent the way those
 * systems would: each system its own batch with its key, naming the subject
 * by the identifiers it holds. One person per request, so that one right
 * exercised (an erasure) does not change what another is checked against.
 */

export interface Person {
  /** Short tag, unique per tenant: used in external ids. */
  tag: string;
  name: string;
  email: string;
  phone: string;
  customerNumber: string;
}

/** system name -> the batch it sends. */
export type SystemBatches = Record<string, IngestBatch>;

/** Merges the batches of several people per system. */
export function mergeBatches(all: SystemBatches[]): SystemBatches {
  const out: SystemBatches = {};
  for (const batches of all) {
    for (const [system, b] of Object.entries(batches)) {
      const into = (out[system] ??= {});
      for (const kind of ['subjects', 'records', 'consents', 'disclosures'] as const) {
        if (b[kind]?.length) (into[kind] as unknown[]) = [...((into[kind] as unknown[]) ?? []), ...(b[kind] as unknown[])];
      }
    }
  }
  return out;
}

const byEmail = (p: Person) => ({ kind: 'email' as const, value: p.email });
const subject = (p: Person, locale: string, withPhone = true): SubjectInput => ({
  externalRef: p.customerNumber,
  displayName: p.name,
  locale,
  identifiers: [byEmail(p), { kind: 'customer-number', value: p.customerNumber }, ...(withPhone ? [{ kind: 'phone' as const, value: p.phone }] : [])],
});

// ---------------------------------------------------------------- Softera Baltic (LT)

/**
 * CRM (clients, customer service, disclosures), newsletter tool (marketing
 * contact, three consents) and accounting system (an invoice the Law on
 * Accounting makes the company keep).
 */
export function softeraData(p: Person): SystemBatches {
  const s = byEmail(p);
  const id = (system: string, what: string) => `${system}-${p.tag}-${what}`;
  return {
    crm: {
      subjects: [subject(p, 'lt')],
      records: [
        { externalId: id('crm', 'identity'), subject: s, register: 'clients', category: 'client-identity', value: { name: p.name, phone: p.phone, customerNumber: p.customerNumber }, collectedAt: '2024-02-12T09:15:00+02:00' },
        { externalId: id('crm', 'contract'), subject: s, register: 'clients', category: 'contract-documents', value: { contract: `SB-2024-${p.customerNumber.slice(-3)}`, service: 'Programinės įrangos priežiūra' }, collectedAt: '2024-02-12T09:20:00+02:00' },
        { externalId: id('crm', 'letter'), subject: s, register: 'customer-service', category: 'correspondence', value: 'Laiškas dėl sąskaitos: prašau patikslinti mokėjimo datą.', collectedAt: '2025-04-02T14:00:00+03:00', },
      ],
      disclosures: [
        { externalId: id('crm', 'disc-hosting'), subject: s, register: 'clients', recipient: 'it-service-providers', categories: ['client-identity'], disclosedAt: '2025-02-03T09:00:00+02:00' },
        { externalId: id('crm', 'disc-partner'), subject: s, register: 'clients', recipient: 'local-partners', categories: ['client-identity'], disclosedAt: '2025-05-20T11:30:00+03:00' },
        { externalId: id('crm', 'disc-court'), subject: s, register: 'clients', recipient: 'courts-and-authorities', categories: ['client-identity'], disclosedAt: '2024-06-10T10:00:00+03:00' },
      ],
    },
    'newsletter-tool': {
      subjects: [subject(p, 'lt', false)],
      records: [
        { externalId: id('nl', 'contact'), subject: s, register: 'direct-marketing', category: 'marketing-contact', value: p.email, collectedAt: '2024-09-01T08:00:00+03:00' },
        { externalId: id('nl', 'subscriber'), subject: s, register: 'surveys-newsletters', category: 'subscriber-data', value: { email: p.email, lists: ['naujienos'] }, collectedAt: '2024-09-01T08:00:00+03:00' },
      ],
      consents: [
        { externalId: id('nl', 'consent-dm'), subject: s, register: 'direct-marketing', purpose: 'direct-marketing', givenAt: '2024-09-01T08:00:00+03:00', channel: 'web-form', policyVersion: '2024-1' },
        { externalId: id('nl', 'consent-news'), subject: s, register: 'surveys-newsletters', purpose: 'newsletter', givenAt: '2024-09-01T08:00:00+03:00', channel: 'web-form', policyVersion: '2024-1' },
        { externalId: id('nl', 'consent-polls'), subject: s, register: 'surveys-newsletters', purpose: 'opinion-polls', givenAt: '2024-09-01T08:00:00+03:00', channel: 'web-form', policyVersion: '2024-1' },
      ],
    },
    'accounting-system': {
      subjects: [subject(p, 'lt', false)],
      records: [
        { externalId: id('acc', 'invoice'), subject: s, register: 'accounting', category: 'accounting-records', value: { invoice: `SF-2025-${p.customerNumber.slice(-3)}`, amountEur: 240 }, collectedAt: '2025-03-10T10:00:00+02:00' },
      ],
    },
  };
}

// ---------------------------------------------------------------- Inomedis (LV)

/**
 * CRM (client, marketing and statistics data, one consent, the disclosure
 * log with dates in and around 2025-H1), accounting (a bill and an accounting
 * source document the Accounting Law makes Inomedis keep) and the newsletter
 * tool (two consents).
 */
export function inomedisData(p: Person): SystemBatches {
  const s = byEmail(p);
  const id = (system: string, what: string) => `${system}-${p.tag}-${what}`;
  return {
    crm: {
      subjects: [subject(p, 'lv')],
      records: [
        { externalId: id('crm', 'identity'), subject: s, register: 'clients', category: 'identity-contact', value: { name: p.name, phone: p.phone, email: p.email }, collectedAt: '2024-05-10T10:00:00+03:00' },
        { externalId: id('crm', 'service'), subject: s, register: 'clients', category: 'contract-service', value: { service: 'Lāzerterapija', since: '2024-05-10' }, collectedAt: '2024-05-10T10:05:00+03:00' },
        { externalId: id('crm', 'letter'), subject: s, register: 'clients', category: 'correspondence', value: 'Jautājums par rēķinu IN-2025-0310.', collectedAt: '2025-03-12T09:30:00+02:00' },
        { externalId: id('crm', 'mk-contact'), subject: s, register: 'marketing', category: 'contact', value: { email: p.email }, collectedAt: '2024-05-10T10:00:00+03:00' },
        { externalId: id('crm', 'mk-profile'), subject: s, register: 'marketing', category: 'profile', value: { segment: 'gold', interests: ['lāzerterapija'] }, collectedAt: '2025-01-15T12:00:00+02:00' },
        { externalId: id('crm', 'stats'), subject: s, register: 'statistics', category: 'client-statistics', value: { visits2024: 4, segment: 'B' }, collectedAt: '2025-01-02T08:00:00+02:00' },
      ],
      consents: [
        { externalId: id('crm', 'consent-greetings'), subject: s, register: 'marketing', purpose: 'greetings-bonuses', givenAt: '2024-05-10T10:00:00+03:00', channel: 'in-person', policyVersion: '2024-1' },
      ],
      disclosures: [
        // In 2025-01-01 .. 2025-06-30 (Riga): the IT processor in March, the partner in April.
        { externalId: id('crm', 'disc-it'), subject: s, register: 'clients', recipient: 'processors', categories: ['identity-contact'], disclosedAt: '2025-03-01T12:00:00+02:00' },
        { externalId: id('crm', 'disc-partner'), subject: s, register: 'clients', recipient: 'partners-agents', categories: ['contract-service'], disclosedAt: '2025-04-01T10:00:00+03:00' },
        // Outside: one minute before the period in Riga, and the first minute after it.
        { externalId: id('crm', 'disc-before'), subject: s, register: 'clients', recipient: 'processors', categories: ['identity-contact'], disclosedAt: '2024-12-31T23:59:00+02:00' },
        { externalId: id('crm', 'disc-after'), subject: s, register: 'clients', recipient: 'authorities', categories: ['identity-contact'], disclosedAt: '2025-07-01T00:00:00+03:00' },
      ],
    },
    accounting: {
      subjects: [subject(p, 'lv', false)],
      records: [
        { externalId: id('acc', 'bill'), subject: s, register: 'clients', category: 'billing', value: { invoice: `IN-2025-${p.customerNumber.slice(-3)}`, amountEur: 180 }, collectedAt: '2025-03-10T10:00:00+02:00' },
        { externalId: id('acc', 'source-doc'), subject: s, register: 'internal-archive', category: 'accounting-source-documents', value: { document: `IN-2025-${p.customerNumber.slice(-3)}`, amountEur: 180 }, collectedAt: '2025-03-10T10:00:00+02:00' },
      ],
    },
    newsletter: {
      subjects: [subject(p, 'lv', false)],
      consents: [
        { externalId: id('nl', 'consent-partners'), subject: s, register: 'marketing', purpose: 'partner-offers', givenAt: '2024-06-01T09:00:00+03:00', channel: 'web-form', policyVersion: '2024-1' },
        { externalId: id('nl', 'consent-surveys'), subject: s, register: 'marketing', purpose: 'surveys-new-products', givenAt: '2024-06-01T09:00:00+03:00', channel: 'web-form', policyVersion: '2024-1' },
      ],
    },
  };
}

// ---------------------------------------------------------------- Micromedic (SE)

/** Customer database (service administration, marketing contact) and sales system (bookkeeping). */
export function micromedicData(p: Person): SystemBatches {
  const s = byEmail(p);
  const id = (system: string, what: string) => `${system}-${p.tag}-${what}`;
  return {
    'customer-database': {
      subjects: [subject(p, 'sv')],
      records: [
        { externalId: id('cdb', 'contact'), subject: s, register: 'service-administration', category: 'sa-contact', value: { name: p.name, email: p.email, phone: p.phone }, collectedAt: '2024-10-01T10:00:00+02:00' },
        { externalId: id('cdb', 'case'), subject: s, register: 'service-administration', category: 'sa-case', value: 'Ärende 4411: fråga om faktura', collectedAt: '2025-02-14T13:00:00+01:00' },
        { externalId: id('cdb', 'mk'), subject: s, register: 'marketing', category: 'mk-contact', value: p.email, collectedAt: '2024-10-01T10:00:00+02:00' },
      ],
    },
    'sales-system': {
      subjects: [subject(p, 'sv', false)],
      records: [
        { externalId: id('sales', 'invoice'), subject: s, register: 'accounting', category: 'ac-records', value: { invoice: 'MM-2025-118', amountSek: 4900 }, collectedAt: '2025-02-20T09:00:00+01:00' },
      ],
    },
  };
}
