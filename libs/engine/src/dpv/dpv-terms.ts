/**
 * Mapping tables from the engine's codes to W3C Data Privacy Vocabulary
 * (DPV 2.x) terms, written as compact IRIs over the prefixes of `PREFIXES`.
 *
 * Terms marked "UNSURE" are our best reading of DPV 2.x; their exact IRI has
 * not been checked against the published vocabulary and must be verified
 * before an export is relied on. Codes with no DPV equivalent use the Regula
 * namespace (`regula:`), declared in every JSON-LD context we emit.
 */
import { Art6Basis, Art9Condition } from '../schema/legal-basis';
import { RightCode } from '../schema/controller';
import {
  CookieCategory,
  DataSubjectKind,
  RecipientKind,
  SourceKind,
  TransferSafeguard,
} from '../schema/register';

/** Namespaces used in exports. */
export const PREFIXES = {
  dpv: 'https://w3id.org/dpv#',
  'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
  pd: 'https://w3id.org/dpv/pd#',
  regula: 'https://regula.example/vocab#',
  dct: 'http://purl.org/dc/terms/',
  schema: 'https://schema.org/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;
export type Prefix = keyof typeof PREFIXES;

/** A mapped term: its compact IRI and the article or source it stands for. */
export interface DpvTerm {
  iri: string;
  /** The legal article the term names (or why it has none). */
  article: string;
  /** Set when the IRI is not verified against DPV 2.x. */
  unsure?: string;
}

/** GDPR Art. 6(1) bases -> eu-gdpr terms. */
export const LEGAL_BASIS_TERMS: Record<Art6Basis, DpvTerm> = {
  '6(1)(a)': { iri: 'eu-gdpr:A6-1-a', article: 'GDPR Art. 6(1)(a) consent' },
  '6(1)(b)': { iri: 'eu-gdpr:A6-1-b', article: 'GDPR Art. 6(1)(b) contract' },
  '6(1)(c)': { iri: 'eu-gdpr:A6-1-c', article: 'GDPR Art. 6(1)(c) legal obligation' },
  '6(1)(d)': { iri: 'eu-gdpr:A6-1-d', article: 'GDPR Art. 6(1)(d) vital interests' },
  '6(1)(e)': { iri: 'eu-gdpr:A6-1-e', article: 'GDPR Art. 6(1)(e) public interest or official authority' },
  '6(1)(f)': { iri: 'eu-gdpr:A6-1-f', article: 'GDPR Art. 6(1)(f) legitimate interests' },
};

/** GDPR Art. 9(2) conditions -> eu-gdpr terms. */
export const ART9_TERMS: Record<Art9Condition, DpvTerm> = {
  '9(2)(a)': { iri: 'eu-gdpr:A9-2-a', article: 'GDPR Art. 9(2)(a) explicit consent' },
  '9(2)(b)': { iri: 'eu-gdpr:A9-2-b', article: 'GDPR Art. 9(2)(b) employment and social security' },
  '9(2)(c)': { iri: 'eu-gdpr:A9-2-c', article: 'GDPR Art. 9(2)(c) vital interests' },
  '9(2)(d)': { iri: 'eu-gdpr:A9-2-d', article: 'GDPR Art. 9(2)(d) not-for-profit body' },
  '9(2)(e)': { iri: 'eu-gdpr:A9-2-e', article: 'GDPR Art. 9(2)(e) made public by the data subject' },
  '9(2)(f)': { iri: 'eu-gdpr:A9-2-f', article: 'GDPR Art. 9(2)(f) legal claims or courts' },
  '9(2)(g)': { iri: 'eu-gdpr:A9-2-g', article: 'GDPR Art. 9(2)(g) substantial public interest' },
  '9(2)(h)': { iri: 'eu-gdpr:A9-2-h', article: 'GDPR Art. 9(2)(h) health or social care' },
  '9(2)(i)': { iri: 'eu-gdpr:A9-2-i', article: 'GDPR Art. 9(2)(i) public health' },
  '9(2)(j)': { iri: 'eu-gdpr:A9-2-j', article: 'GDPR Art. 9(2)(j) archiving, research, statistics' },
};

/** A right term; Regula rights say which eu-gdpr right they narrow. */
export interface RightTerm extends DpvTerm {
  /** For `regula:` rights: the eu-gdpr right it is a narrower form of. */
  broader?: string;
}

/** Rights -> eu-gdpr terms (or Regula terms for rights DPV does not name). */
export const RIGHT_TERMS: Record<RightCode, RightTerm> = {
  A15: { iri: 'eu-gdpr:A15', article: 'GDPR Art. 15 right of access' },
  A16: { iri: 'eu-gdpr:A16', article: 'GDPR Art. 16 right to rectification' },
  A17: { iri: 'eu-gdpr:A17', article: 'GDPR Art. 17 right to erasure' },
  A18: { iri: 'eu-gdpr:A18', article: 'GDPR Art. 18 right to restriction of processing' },
  A19: { iri: 'eu-gdpr:A19', article: 'GDPR Art. 19 notification regarding rectification, erasure or restriction' },
  A20: { iri: 'eu-gdpr:A20', article: 'GDPR Art. 20 right to data portability' },
  A21: { iri: 'eu-gdpr:A21', article: 'GDPR Art. 21 right to object' },
  // DPV names Art. 21 as one right; objection to direct marketing (Art. 21(2))
  // gets a Regula term declared narrower than eu-gdpr:A21.
  // UNSURE: whether DPV 2.x has a dedicated term for Art. 21(2).
  'A21-2': {
    iri: 'regula:A21-2',
    article: 'GDPR Art. 21(2) right to object to direct marketing',
    broader: 'eu-gdpr:A21',
    unsure: 'no eu-gdpr term for Art. 21(2) known to us',
  },
  A22: { iri: 'eu-gdpr:A22', article: 'GDPR Art. 22 automated decision-making' },
  'A7-3': { iri: 'eu-gdpr:A7-3', article: 'GDPR Art. 7(3) right to withdraw consent' },
  A77: { iri: 'eu-gdpr:A77', article: 'GDPR Art. 77 right to lodge a complaint with a supervisory authority' },
  // Inomedis grants a list of the recipients who received the subject's data
  // in a period: beyond Art. 15(1)(c), which names recipients only by category
  // if the controller so chooses. No DPV term; narrower than the access right.
  'recipients-in-period': {
    iri: 'regula:recipients-in-period',
    article: 'Regula: recipients of the data subject\'s data in a period (controller\'s own commitment; cf. GDPR Art. 15(1)(c), Art. 19)',
    broader: 'eu-gdpr:A15',
  },
};

/** Transfer safeguards (GDPR Chapter V) -> eu-gdpr transfer legal bases. */
export const SAFEGUARD_TERMS: Record<TransferSafeguard, DpvTerm[]> = {
  'adequacy-decision': [{ iri: 'eu-gdpr:A45-3', article: 'GDPR Art. 45(3) adequacy decision' }],
  'standard-contractual-clauses': [
    { iri: 'eu-gdpr:A46-2-c', article: 'GDPR Art. 46(2)(c) standard data protection clauses adopted by the Commission' },
  ],
  // UNSURE: DPV may name BCRs as the Art. 46(2)(b) basis (`eu-gdpr:A46-2-b`,
  // "binding corporate rules in accordance with Article 47") rather than by
  // Art. 47(1); we use the Art. 47(1) term. No tenant uses BCRs today.
  'binding-corporate-rules': [
    {
      iri: 'eu-gdpr:A47-1',
      article: 'GDPR Art. 47(1) binding corporate rules (transfer basis: Art. 46(2)(b))',
      unsure: 'eu-gdpr:A47-1 vs eu-gdpr:A46-2-b',
    },
  ],
  // The registers record "a derogation" without saying which point of Art.
  // 49(1); DPV names only the points (A49-1-a ... A49-1-g), so the generic
  // case is a Regula term.
  derogation: [
    {
      iri: 'regula:A49-1-unspecified',
      article: 'GDPR Art. 49(1) derogation, point not stated in the register',
      unsure: 'DPV names A49-1-a ... A49-1-g only; the register does not say which',
    },
  ],
  'eu-data-boundary-and-scc': [
    { iri: 'eu-gdpr:A46-2-c', article: 'GDPR Art. 46(2)(c) standard data protection clauses adopted by the Commission' },
    { iri: 'regula:EUDataBoundary', article: 'Regula: the processor\'s EU data boundary commitment (not a Chapter V basis by itself)' },
  ],
};

/** Recipient kinds -> DPV classes (every recipient is also `dpv:Recipient`). */
export const RECIPIENT_KIND_TERMS: Record<RecipientKind, DpvTerm> = {
  processor: { iri: 'dpv:DataProcessor', article: 'GDPR Art. 4(8), 28' },
  controller: { iri: 'dpv:DataController', article: 'GDPR Art. 4(7), 4(9)' },
  'joint-controller': { iri: 'dpv:JointDataControllers', article: 'GDPR Art. 26' },
  // UNSURE: DPV 2.x `dpv:Authority` (public authority); supervisory
  // authorities are `dpv:SupervisoryAuthority`, a narrower class.
  authority: { iri: 'dpv:Authority', article: 'GDPR Art. 4(9) public authorities', unsure: 'dpv:Authority' },
  // No DPV class for a company of the controller's group (Recital 48).
  'group-company': { iri: 'regula:GroupCompany', article: 'GDPR Recital 48, Art. 4(19) group of undertakings' },
};

/** Cookie categories -> DPV purposes. UNSURE: all four are our reading of the DPV purpose taxonomy. */
export const COOKIE_PURPOSE_TERMS: Record<CookieCategory, DpvTerm> = {
  'strictly-necessary': {
    iri: 'dpv:ServiceProvision',
    article: 'Directive 2002/58/EC Art. 5(3) strictly necessary exemption',
    unsure: 'dpv:ServiceProvision',
  },
  preferences: {
    iri: 'dpv:ServicePersonalisation',
    article: 'Directive 2002/58/EC Art. 5(3) consent',
    unsure: 'dpv:ServicePersonalisation',
  },
  statistics: {
    iri: 'dpv:ServiceUsageAnalytics',
    article: 'Directive 2002/58/EC Art. 5(3) consent',
    unsure: 'dpv:ServiceUsageAnalytics',
  },
  marketing: { iri: 'dpv:Marketing', article: 'Directive 2002/58/EC Art. 5(3) consent; GDPR Art. 21(2)', unsure: 'dpv:Marketing' },
};

/**
 * Data subject kinds -> DPV data-subject classes. Kinds without a DPV class
 * are exported as plain `dpv:DataSubject` with the kind as `regula:kind`.
 * UNSURE: dpv:Client, dpv:Visitor, dpv:User, dpv:Subscriber, dpv:Participant.
 */
export const DATA_SUBJECT_TERMS: Partial<Record<DataSubjectKind, string>> = {
  client: 'dpv:Client',
  'portal-user': 'dpv:User',
  patient: 'dpv:Patient',
  'website-visitor': 'dpv:Visitor',
  'office-visitor': 'dpv:Visitor',
  'newsletter-subscriber': 'dpv:Subscriber',
  'survey-participant': 'dpv:Participant',
  'event-participant': 'dpv:Participant',
};

/**
 * Source kinds -> DPV data-source classes; the rest are plain
 * `dpv:DataSource`. UNSURE: the four class names below.
 */
export const SOURCE_TERMS: Partial<Record<SourceKind, string>> = {
  'data-subject': 'dpv:DataSubjectDataSource',
  'third-party': 'dpv:ThirdPartyDataSource',
  'public-source': 'dpv:PublicDataSource',
  'internal-system': 'dpv:DataControllerDataSource',
};

/** Every term the tables above use from the Regula namespace, with its meaning. */
export const REGULA_TERMS: Record<string, string> = {
  'regula:A21-2': RIGHT_TERMS['A21-2'].article,
  'regula:recipients-in-period': RIGHT_TERMS['recipients-in-period'].article,
  'regula:A49-1-unspecified': SAFEGUARD_TERMS.derogation[0].article,
  'regula:EUDataBoundary': SAFEGUARD_TERMS['eu-data-boundary-and-scc'][1].article,
  'regula:GroupCompany': RECIPIENT_KIND_TERMS['group-company'].article,
};

/**
 * Structural DPV terms the exports use besides the tables above. UNSURE (not
 * verified against DPV 2.x): dpv:hasContact, dpv:hasAuthority,
 * dpv:hasRepresentative, dpv:Authority, dpv:hasName, dpv:hasAddress,
 * dpv:hasDataSource, dpv:hasProcessing. DPV has no property tying a transfer
 * to its safeguard that we are sure of, so transfers are `regula:Transfer`
 * nodes (under `regula:transfer`) whose `dpv:hasLegalBasis` is the Chapter V term.
 */
export const STRUCTURAL_TERMS_UNSURE = [
  'dpv:hasContact', 'dpv:hasAuthority', 'dpv:hasRepresentative', 'dpv:Authority',
  'dpv:hasName', 'dpv:hasAddress', 'dpv:hasDataSource', 'dpv:hasProcessing',
] as const;

/** Every mapped term whose IRI is not verified against DPV 2.x, for auditors. */
export function unsureTerms(): { code: string; term: DpvTerm }[] {
  const out: { code: string; term: DpvTerm }[] = [];
  const add = (code: string, term: DpvTerm) => term.unsure && out.push({ code, term });
  for (const [k, t] of Object.entries(RIGHT_TERMS)) add(`right ${k}`, t);
  for (const [k, ts] of Object.entries(SAFEGUARD_TERMS)) ts.forEach((t) => add(`safeguard ${k}`, t));
  for (const [k, t] of Object.entries(RECIPIENT_KIND_TERMS)) add(`recipient ${k}`, t);
  for (const [k, t] of Object.entries(COOKIE_PURPOSE_TERMS)) add(`cookie ${k}`, t);
  return out;
}

/** Expands a compact IRI (`eu-gdpr:A15`) to a full IRI; absolute IRIs pass through. */
export function expandIri(compact: string): string {
  const colon = compact.indexOf(':');
  if (colon < 0) return compact;
  const prefix = compact.slice(0, colon);
  const ns = (PREFIXES as Record<string, string>)[prefix];
  return ns ? ns + compact.slice(colon + 1) : compact;
}
