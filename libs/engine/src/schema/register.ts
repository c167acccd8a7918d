import { Country } from './jurisdiction';
import { LegalBasis } from './legal-basis';
import { RetentionRule, Duration } from './retention';
import { FieldRefs, Ref, Text } from './text';

/**
 * Sections that may legitimately have no entries say so with the literal
 * 'none'. An empty array is never valid: it is the empty-section defect of a
 * notice rendered from an incomplete register (seed 000).
 */
export type ListOrNone<T> = T[] | 'none';

export type DataSubjectKind =
  | 'client' | 'prospect' | 'portal-user' | 'contact-person' | 'patient'
  | 'office-visitor' | 'website-visitor' | 'newsletter-subscriber'
  | 'survey-participant' | 'event-participant' | 'debtor' | 'other';

export interface DataSubjectCategory {
  id: string;
  kind: DataSubjectKind;
  name: Text;
  description?: Text;
  /** True when the category may include children (drives Art. 8 checks). */
  mayIncludeChildren?: boolean;
  ref: Ref[];
  /** Provenance of single fields where they differ from `ref` (see `provenance/`). */
  fieldRefs?: FieldRefs;
}

export interface DataCategory {
  id: string;
  name: Text;
  /** The fields or examples the category covers. */
  fields: Text;
  /** Required for the contract (seed 001's `*`): without it no service. */
  required: boolean;
  /** Art. 9 special category. */
  special?: boolean;
  /** Provided by the data subject (relevant for portability, Art. 20). */
  providedBySubject: boolean;
  /** Ids of the register's sources this category comes from. */
  sources: string[];
  ref: Ref[];
  /** Provenance of single fields where they differ from `ref` (see `provenance/`). */
  fieldRefs?: FieldRefs;
}

export type SourceKind =
  | 'data-subject' | 'browser-or-device' | 'third-party' | 'public-source'
  | 'authority' | 'partner' | 'group-company' | 'internal-system';

export interface DataSource {
  id: string;
  kind: SourceKind;
  description: Text;
  ref: Ref[];
}

export interface Purpose {
  id: string;
  name: Text;
  description: Text;
  legalBases: LegalBasis[];
  /** Ids of the data categories processed for this purpose. */
  categories: string[];
  /** Is this purpose direct marketing (objection under Art. 21(2) always wins)? */
  directMarketing?: boolean;
  ref: Ref[];
}

export type RecipientKind = 'processor' | 'controller' | 'joint-controller' | 'authority' | 'group-company';
export type RecipientScope = 'internal' | 'external';

export interface Recipient {
  id: string;
  kind: RecipientKind;
  name: Text;
  description?: Text;
  /** Art. 28: a data-processing agreement is in place (processors). */
  dpa?: boolean;
  /** Link or reference to the processor contract (ICO column). */
  contractLink?: string;
  /** Country of establishment, if known. */
  country?: Country | 'EEA' | 'third-country' | 'unknown';
  /** Data categories disclosed, by id; omitted = all of the register's. */
  categories?: string[];
  ref: Ref[];
  /** Provenance of single fields where they differ from `ref` (see `provenance/`). */
  fieldRefs?: FieldRefs;
}

export type TransferSafeguard =
  | 'adequacy-decision'          // Art. 45
  | 'standard-contractual-clauses' // Art. 46(2)(c)
  | 'binding-corporate-rules'    // Art. 47
  | 'derogation'                 // Art. 49
  | 'eu-data-boundary-and-scc';  // processor's EU data boundary plus SCCs

export interface Transfer {
  id: string;
  /** Recipient ids concerned. */
  recipients: string[];
  /** Where to: a country or a description ("outside the EEA"). */
  destination: Text;
  /** Art. 44-49 safeguard; null means none, which the linter rejects. */
  safeguard: TransferSafeguard | null;
  safeguardDetail: Text;
  ref: Ref[];
  /** Provenance of single fields where they differ from `ref` (see `provenance/`). */
  fieldRefs?: FieldRefs;
}

export const SECURITY_CONTROLS = [
  'encryption-in-transit', 'encryption-at-rest', 'password-hashing', 'access-control',
  'feature-permissions', 'input-validation', 'rate-limiting', 'upload-checks',
  'html-sanitising', 'audit-log', 'incident-response', 'firewall', 'intrusion-detection',
  'network-segregation', 'confidentiality-obligations', 'processor-vetting',
  'backups', 'pseudonymisation', 'physical-security', 'staff-training', 'personal-accounts',
] as const;
export type SecurityControl = (typeof SECURITY_CONTROLS)[number];

export interface SecurityMeasure {
  id: string;
  type: 'technical' | 'organisational';
  /** The CNIL checklist item it satisfies. */
  control: SecurityControl;
  description: Text;
  ref: Ref[];
}

export type CookieCategory = 'strictly-necessary' | 'preferences' | 'statistics' | 'marketing';

export interface Cookie {
  name: string;
  /**
   * What the notice calls it when it names no single cookie (a category of
   * cookies): shown instead of `name`, in the reader's language.
   */
  label?: Text;
  /** Who sets and reads it ("first party" or the third party's name). */
  provider: string;
  /** The provider in words, when the notice does not name it: shown instead of `provider`. */
  providerLabel?: Text;
  firstParty: boolean;
  category: CookieCategory;
  purpose: Text;
  /** 'session' or a duration. */
  expiry: 'session' | Duration;
  /** The basis relied on: strictly necessary cookies need none (e-Privacy Art. 5(3)). */
  basis: 'exempt' | 'consent';
  /** Browser storage other than a cookie (localStorage, sessionStorage). */
  storage?: 'cookie' | 'local-storage' | 'session-storage';
  ref: Ref[];
  /** Provenance of single fields where they differ from `ref` (see `provenance/`). */
  fieldRefs?: FieldRefs;
}

export interface AutomatedDecisions {
  profiling: boolean;
  automatedDecisions: boolean;
  /** Do the decisions produce legal or similarly significant effects (Art. 22)? */
  significantEffects: boolean;
  /** Meaningful information about the logic involved (Art. 13(2)(f)). */
  logic?: Text;
  ref: Ref[];
}

export interface Dpia {
  required: boolean;
  status: 'not-required' | 'planned' | 'in-progress' | 'done';
  reason: Text;
  link?: string;
  ref: Ref[];
}

/** One processing activity: the unit of the Art. 30(1) record. */
export interface Register {
  /** Stable id, unique within the controller (kebab-case). */
  id: string;
  name: Text;
  /** ICO: the business function that owns the activity. */
  businessFunction: Text;
  description: Text;
  purposes: Purpose[];
  subjects: DataSubjectCategory[];
  dataCategories: DataCategory[];
  sources: DataSource[];
  recipients: ListOrNone<Recipient>;
  transfers: ListOrNone<Transfer>;
  retention: RetentionRule[];
  security: SecurityMeasure[];
  automatedDecisions: AutomatedDecisions;
  cookies?: ListOrNone<Cookie>;
  /** ICO: where the data is held. */
  location: Text;
  dpia: Dpia;
  /** Systems that push this register's data to Regula (CRM, portal...). */
  systems: string[];
  ref: Ref[];
  /** Provenance of single fields, e.g. `transfers: 'none'` that nobody stated. */
  fieldRefs?: FieldRefs;
}
