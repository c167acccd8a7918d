import { createHash } from 'node:crypto';
import { AnchorEvent, DataCategory, DataSubjectKind, Register, RetentionRule } from '@regula/engine';
import { ConsentInput, DisclosureInput, IdentifierInput, IngestBatch, MAX_BATCH_ITEMS, RecordInput, SubjectInput } from '@regula/ingest';
import { DemoLang, LOCALES, Locale, PRODUCTS, asciiFold } from './demo-locale';

/**
 * Demo data for `npm start` (`regula demo data`): realistic, deterministic
 * (seeded PRNG, fixed reference date, fixed external ids) and generated FROM
 * each tenant's registers: its source systems are the `systems` the registers
 * name; each subject takes part in the registers whose subject kinds fit the
 * roles it was given; records cover the registers' data categories with
 * plausible values and the anchors their retention rules run from; consents
 * cover the consent-based purposes (some withdrawn); disclosures go to the
 * registers' recipients. Same input, same output: loading twice changes
 * nothing.
 */

/** "Now" of the demo data: every date lies before it, so the data never changes with the clock. */
export const DEMO_NOW = new Date('2025-11-03T09:00:00Z');
export const DEMO_SUBJECTS_PER_TENANT = 40;

export interface DemoTenant {
  slug: string;
  registers: Register[];
}

/** The well-known subjects the README, the e2e tests and the demo use. */
export const KNOWN_DEMO_SUBJECTS: Record<string, { first: string; last: string; female: boolean; lang: DemoLang; email: string }> = {
  inomedis: { first: 'Anna', last: 'Bērziņa', female: true, lang: 'lv', email: 'anna.berzina@example.lv' },
  micromedic: { first: 'Erik', last: 'Lindqvist', female: false, lang: 'sv', email: 'erik.lindqvist@example.se' },
  'softera-baltic': { first: 'Rūta', last: 'Kazlauskienė', female: true, lang: 'lt', email: 'ruta.kazlauskiene@example.lt' },
  'medical-management': { first: 'Mari', last: 'Tamm', female: true, lang: 'et', email: 'mari.tamm@example.ee' },
};

/** Languages of each tenant's demo subjects, with weights. */
const TENANT_LANGS: Record<string, [DemoLang, number][]> = {
  inomedis: [['lv', 1]],
  micromedic: [['sv', 1]],
  'softera-baltic': [['lt', 1]],
  'medical-management': [['et', 0.6], ['lt', 0.4]],
};
const CUSTOMER_PREFIX: Record<string, string> = { inomedis: 'IN', micromedic: 'MMS', 'softera-baltic': 'SB', 'medical-management': 'BL' };

export interface DemoData {
  /** Every system the registers name (created even when no demo item comes from it). */
  systems: string[];
  /** Batches to send in order, each from one system, each at most 1000 items. */
  batches: { system: string; batch: IngestBatch }[];
  subjects: { email: string; displayName: string; known: boolean }[];
}

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

/** A deterministic PRNG (mulberry32) seeded from a string. */
export class Rng {
  private state: number;

  constructor(seed: string) {
    this.state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** A date between `from` and `to`, on a whole minute. */
  date(from: Date, to: Date): Date {
    const t = from.getTime() + this.next() * Math.max(0, to.getTime() - from.getTime());
    return new Date(Math.floor(t / 60_000) * 60_000);
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

interface Person {
  index: number;
  known: boolean;
  locale: Locale;
  first: string;
  last: string;
  email: string;
  phone: string;
  customerNumber: string;
  username: string;
  city: string;
  street: string;
  roles: Set<DataSubjectKind>;
  since: Date;
  lastActivity: Date;
  contractEnded: Date | null;
  accountClosed: Date | null;
  requestClosed: Date | null;
}

const EARLIEST = new Date('2019-02-01T08:00:00Z');

export function weighted<T>(rng: Rng, options: [T, number][]): T {
  let r = rng.next() * options.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of options) if ((r -= w) < 0) return v;
  return options[options.length - 1][0];
}

function person(slug: string, index: number, used: Set<string>): Person {
  const rng = new Rng(`${slug}/person/${index}`);
  const known = index === 0 ? KNOWN_DEMO_SUBJECTS[slug] : undefined;
  const lang = known?.lang ?? weighted(rng, TENANT_LANGS[slug] ?? [['lv', 1]]);
  const locale = LOCALES[lang];
  const female = known?.female ?? rng.chance(0.55);
  const first = known?.first ?? rng.pick(female ? locale.female : locale.male);
  const last = known?.last ?? rng.pick(locale.surnames)[female ? 1 : 0];
  let email = known?.email ?? `${asciiFold(first)}.${asciiFold(last)}@${locale.domain}`;
  for (let n = 2; used.has(email); n++) email = `${asciiFold(first)}.${asciiFold(last)}${n}@${locale.domain}`;
  used.add(email);
  let phone = `${locale.mobile.prefix}${rng.digits(locale.mobile.digits)}`;
  while (used.has(phone)) phone = `${locale.mobile.prefix}${rng.digits(locale.mobile.digits)}`;
  used.add(phone);

  const roles = new Set<DataSubjectKind>();
  if (known || rng.chance(0.75)) roles.add('client');
  else roles.add('prospect');
  const extra: [DataSubjectKind, number][] = [
    ['newsletter-subscriber', 0.45], ['website-visitor', 0.6], ['portal-user', 0.5], ['contact-person', 0.3], ['patient', 0.2],
    ['survey-participant', 0.25], ['event-participant', 0.25], ['office-visitor', 0.25], ['debtor', 0.08], ['other', 0.1],
  ];
  for (const [kind, p] of extra) if (rng.chance(p) || (known && kind !== 'debtor' && kind !== 'other')) roles.add(kind);

  const since = rng.date(EARLIEST, new Date('2025-06-30T00:00:00Z'));
  const lastActivity = rng.date(since, DEMO_NOW);
  return {
    index, known: !!known, locale, first, last, email,
    phone,
    customerNumber: `${CUSTOMER_PREFIX[slug] ?? 'C'}-${10001 + index}`,
    username: `${asciiFold(first)}.${asciiFold(last).slice(0, 8)}${index}`,
    city: rng.pick(locale.cities),
    street: `${rng.pick(locale.streets)} ${rng.int(1, 120)}`,
    roles,
    since,
    lastActivity,
    contractEnded: !known && roles.has('client') && rng.chance(0.3) ? rng.date(since, lastActivity) : null,
    accountClosed: !known && rng.chance(0.2) ? rng.date(since, lastActivity) : null,
    requestClosed: roles.has('other') ? rng.date(since, DEMO_NOW) : null,
  };
}

// ---------------------------------------------------------------------------
// Values of data categories
// ---------------------------------------------------------------------------

const iso = (d: Date): string => d.toISOString();
const day = (d: Date): string => d.toISOString().slice(0, 10);
const money = (rng: Rng, min: number, max: number): number => Math.round((min + rng.next() * (max - min)) * 100) / 100;
/** Swedish customers pay in kronor (about ten to the euro). */
const priced = (p: Person, rng: Rng, min: number, max: number) =>
  p.locale.country === 'SE' ? { amount: Math.round(money(rng, min, max) * 10), currency: 'SEK' } : { amount: money(rng, min, max), currency: 'EUR' };
const TEST_NETS = ['192.0.2', '198.51.100', '203.0.113'];
const USER_AGENTS = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/132.0', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Safari/605.1.15', 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Mobile/15E148'];

function productsOf(slug: string, p: Person): string[] {
  const byLang = PRODUCTS[slug] ?? {};
  return byLang[p.locale.lang] ?? Object.values(byLang)[0] ?? ['Service'];
}

/** A plausible value for a data category, chosen by what its id says it holds (its name in the subject's language otherwise). */
export function demoValue(slug: string, cat: DataCategory, p: Person, rng: Rng, collectedAt: Date): unknown {
  const key = cat.id.toLowerCase();
  const name = `${p.first} ${p.last}`;
  const has = (...words: string[]) => words.some((w) => key.includes(w));
  const products = productsOf(slug, p);
  if (has('password')) return { passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${rng.digits(22)}$${rng.digits(43)}` };
  if (has('role')) return { role: rng.pick(['user', 'user', 'administrator']) };
  if (has('video', 'cctv')) return { camera: rng.pick(['entrance', 'reception']), file: `cam-${day(collectedAt)}-${rng.digits(4)}.mp4`, durationSeconds: rng.int(30, 600) };
  if (has('call', 'recording')) return { file: `call-${day(collectedAt)}-${rng.digits(5)}.ogg`, durationSeconds: rng.int(40, 900), direction: rng.pick(['inbound', 'outbound']) };
  if (has('sign-in', 'session', 'login', 'log-data', 'audit-log')) {
    return { ip: `${rng.pick(TEST_NETS)}.${rng.int(1, 254)}`, userAgent: rng.pick(USER_AGENTS), at: iso(collectedAt), outcome: rng.pick(['success', 'success', 'failure']) };
  }
  if (has('ip-address')) return { ip: `${rng.pick(TEST_NETS)}.${rng.int(1, 254)}` };
  if (has('location')) return { city: p.city, country: p.locale.country };
  if (has('cookie-preference', 'cookie-consent', 'consent', 'choices', 'preferences', 'opt-out')) {
    return { newsletter: rng.chance(0.6), sms: rng.chance(0.3), recordedAt: iso(collectedAt) };
  }
  if (has('cookie')) return { cookie: rng.pick(['_ga', '_fbp', 'session_id', '_hjid']), value: rng.digits(12) };
  if (has('browsing', 'usage', 'statistic', 'analytics')) return { pagesViewed: rng.int(1, 40), lastPage: rng.pick(['/', '/produkti', '/kontakti', '/services', '/pricing']), visits: rng.int(1, 25) };
  if (has('account-email')) return { email: p.email };
  if (has('account-identifier', 'username')) return { username: p.username };
  if (has('company', 'employer')) return { company: rng.pick(p.locale.companies), position: rng.pick(p.locale.positions) };
  if (/(identity|name|contact|basic|subscriber|details|requester)/.test(cat.id)) {
    return { name, email: p.email, phone: p.phone, address: `${p.street}, ${p.city}`, customerNumber: p.customerNumber };
  }
  if (has('profile', 'interest', 'segment')) return { segment: rng.pick(['A', 'B', 'C']), interests: [rng.pick(p.locale.interests), rng.pick(p.locale.interests)].filter((x, i, a) => a.indexOf(x) === i) };
  if (has('survey', 'campaign-response', 'opinion')) return { question: rng.pick(p.locale.surveyQuestions), answer: rng.int(1, 5) };
  if (has('debt')) return { invoiceNo: `${rng.digits(2)}-${rng.digits(6)}`, ...priced(p, rng, 40, 2500), dueDate: day(collectedAt), reminders: rng.int(1, 3) };
  if (has('billing', 'invoice', 'accounting', 'ac-records', 'payment')) return { invoiceNo: `INV-${collectedAt.getUTCFullYear()}-${rng.digits(5)}`, ...priced(p, rng, 25, 4800), product: rng.pick(products) };
  if (has('purchase', 'history')) {
    return { purchases: Array.from({ length: rng.int(1, 3) }, () => ({ product: rng.pick(products), date: day(rng.date(p.since, DEMO_NOW)), ...priced(p, rng, 30, 3000) })) };
  }
  if (has('contract', 'archived', 'service')) return { contractNo: `${rng.digits(4)}/${collectedAt.getUTCFullYear()}`, product: rng.pick(products), signedOn: day(collectedAt) };
  if (has('correspondence', 'request', 'enquiry', 'inquiry', 'case', 'security-report', 'message')) return { subject: rng.pick(p.locale.messages), channel: rng.pick(['e-mail', 'phone', 'web-form']), at: iso(collectedAt) };
  if (has('cloud', 'content', 'file', 'upload')) return { fileName: `${asciiFold(p.last)}-${rng.digits(4)}.mp4`, sizeBytes: rng.int(200_000, 90_000_000), sharedWith: rng.int(0, 3) };
  if (has('event')) return { event: rng.pick(p.locale.interests), attendedOn: day(collectedAt) };
  if (has('partner')) return { source: rng.pick(p.locale.companies), segment: rng.pick(['A', 'B']) };
  if (has('address')) return { address: `${p.street}, ${p.city}` };
  return { note: cat.name[p.locale.lang as keyof typeof cat.name] ?? cat.name.en, recordedAt: iso(collectedAt) };
}

// ---------------------------------------------------------------------------
// The tenant's data
// ---------------------------------------------------------------------------

function anchorsOfRules(rules: RetentionRule[]): Set<AnchorEvent> {
  const out = new Set<AnchorEvent>();
  for (const r of rules) {
    if (r.kind === 'period') out.add(r.anchor);
    if (r.kind === 'conditions') for (const c of r.conditions) out.add(c.endsAt);
  }
  return out;
}

const consentBased = (reg: Register) => reg.purposes.filter((pu) => pu.legalBases.some((b) => b.article === '6(1)(a)'));
const after = (d: Date | null, floor: Date): string | undefined => (d ? iso(d.getTime() < floor.getTime() ? floor : d) : undefined);

/** The demo data of one tenant (pure: same registers, same data). */
export function demoDataFor(tenant: DemoTenant, count = DEMO_SUBJECTS_PER_TENANT): DemoData {
  const slug = tenant.slug;
  const registers = [...tenant.registers].sort((a, b) => a.id.localeCompare(b.id));
  const systems = [...new Set(registers.flatMap((r) => r.systems))].sort();
  const perSystem = new Map<string, { subjects: Map<number, SubjectInput>; records: RecordInput[]; consents: ConsentInput[]; disclosures: DisclosureInput[] }>(
    systems.map((s) => [s, { subjects: new Map(), records: [], consents: [], disclosures: [] }]),
  );
  const used = new Set<string>();
  const people = Array.from({ length: count }, (_, i) => person(slug, i, used));

  for (const p of people) {
    const ref: IdentifierInput = { kind: 'email', value: p.email };
    const subject: SubjectInput = {
      externalRef: p.customerNumber,
      identifiers: [ref, { kind: 'phone', value: p.phone }, { kind: 'customer-number', value: p.customerNumber }, ...(p.roles.has('portal-user') ? [{ kind: 'username' as const, value: p.username }] : [])],
      displayName: `${p.first} ${p.last}`,
      locale: p.locale.lang,
    };
    for (const reg of registers) {
      if (!reg.subjects.some((s) => p.roles.has(s.kind))) continue;
      const rng = new Rng(`${slug}/${p.index}/${reg.id}`);
      if (!p.known && !rng.chance(0.8)) continue;
      const system = rng.pick(reg.systems);
      const out = perSystem.get(system)!;
      out.subjects.set(p.index, subject);
      const collectedAt = rng.date(p.since, new Date(Math.min(p.lastActivity.getTime(), DEMO_NOW.getTime())));
      const id = (...parts: string[]) => ['demo', slug, `s${p.index}`, reg.id, ...parts].join('-');

      // Consents first: a withdrawal is an anchor of the register's records.
      let withdrawn: Date | null = null;
      consentBased(reg).forEach((purpose, n) => {
        if (!p.known && !rng.chance(0.7)) return;
        const givenAt = rng.date(p.since, collectedAt);
        const withdraw = p.known ? n === 0 : rng.chance(0.25);
        const withdrawnAt = withdraw ? rng.date(givenAt, DEMO_NOW) : null;
        if (withdrawnAt && (!withdrawn || withdrawnAt > withdrawn)) withdrawn = withdrawnAt;
        out.consents.push({
          externalId: id('consent', purpose.id), subject: ref, register: reg.id, purpose: purpose.id, givenAt: iso(givenAt),
          channel: rng.pick(['web-form', 'web-form', 'paper', 'e-mail', 'in-person']), policyVersion: `${givenAt.getUTCFullYear()}-${rng.int(1, 2)}`,
          ...(withdrawnAt ? { withdrawnAt: iso(withdrawnAt) } : {}),
        });
      });

      const categories = reg.dataCategories.filter((c) => c.required || p.known || rng.chance(0.6));
      for (const cat of categories) {
        const wanted = anchorsOfRules(reg.retention.filter((r) => r.categories.includes(cat.id)));
        const anchors: RecordInput['anchors'] = {};
        const set = (event: AnchorEvent, d: Date | null) => {
          const v = after(d, collectedAt);
          if (wanted.has(event) && v) (anchors as Record<string, string>)[event] = v;
        };
        set('contract-ended', p.contractEnded);
        set('account-closed', p.accountClosed);
        set('last-activity', p.lastActivity);
        set('consent-withdrawn', withdrawn);
        set('request-closed', p.requestClosed);
        out.records.push({
          externalId: id(cat.id), subject: ref, register: reg.id, category: cat.id, value: demoValue(slug, cat, p, rng, collectedAt), collectedAt: iso(collectedAt),
          ...(Object.keys(anchors).length ? { anchors } : {}),
        });
      }

      const recipients = reg.recipients === 'none' ? [] : reg.recipients;
      if (recipients.length && (p.known || rng.chance(0.4))) {
        const recipient = rng.pick(recipients);
        const allowed = categories.map((c) => c.id).filter((c) => !recipient.categories || recipient.categories.includes(c));
        const cats = allowed.length ? allowed.slice(0, 3) : (recipient.categories ?? [reg.dataCategories[0].id]).slice(0, 1);
        out.disclosures.push({ externalId: id('disclosure', recipient.id), subject: ref, register: reg.id, recipient: recipient.id, categories: cats, disclosedAt: iso(rng.date(collectedAt, DEMO_NOW)) });
      }
    }
  }

  const batches: DemoData['batches'] = [];
  for (const system of systems) {
    const out = perSystem.get(system)!;
    if (out.subjects.size === 0) continue;
    batches.push({ system, batch: { subjects: [...out.subjects.values()] } });
    const items: IngestBatch[] = [
      ...out.records.map((r) => ({ records: [r] })),
      ...out.consents.map((c) => ({ consents: [c] })),
      ...out.disclosures.map((d) => ({ disclosures: [d] })),
    ];
    for (let i = 0; i < items.length; i += MAX_BATCH_ITEMS) {
      const part = items.slice(i, i + MAX_BATCH_ITEMS);
      batches.push({
        system,
        batch: { records: part.flatMap((x) => x.records ?? []), consents: part.flatMap((x) => x.consents ?? []), disclosures: part.flatMap((x) => x.disclosures ?? []) },
      });
    }
  }
  return { systems, batches, subjects: people.map((p) => ({ email: p.email, displayName: `${p.first} ${p.last}`, known: p.known })) };
}
