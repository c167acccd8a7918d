import { Address, Jurisdiction } from './jurisdiction';
import { Art6Basis } from './legal-basis';
import { Register } from './register';
import { FieldRefs, Ref, SourceDocument, Text } from './text';

/** W3C DPV eu-gdpr right codes, plus rights a controller grants beyond them. */
export const RIGHTS = [
  'A15', 'A16', 'A17', 'A18', 'A19', 'A20', 'A21', 'A21-2', 'A22', 'A7-3', 'A77',
  'recipients-in-period',
] as const;
export type RightCode = (typeof RIGHTS)[number];

/**
 * The cases in which the GDPR grants a right, by article, paragraph and point:
 * erasure (Art. 17(1)(a)-(f)), restriction (Art. 18(1)(a)-(d)), objection on
 * grounds of one's situation (Art. 21(1)) and to direct marketing (Art. 21(2)).
 */
export const RIGHT_CASES = [
  '17(1)(a)', '17(1)(b)', '17(1)(c)', '17(1)(d)', '17(1)(e)', '17(1)(f)',
  '18(1)(a)', '18(1)(b)', '18(1)(c)', '18(1)(d)',
  '21(1)', '21(2)',
] as const;
export type RightCase = (typeof RIGHT_CASES)[number];

export interface RightStatement {
  right: RightCode;
  /** The right in the controller's own terms. */
  description: Text;
  /** Conditions or limits the controller states. */
  conditions?: Text;
  /**
   * The controller offers the right only in these cases of the law (e.g. erasure
   * only once consent is withdrawn: `['17(1)(b)']`); absent = in every case the
   * law grants. The linter reports a right narrower than the law. A ref with
   * provenance 'corrected' says the published statement was widened to the law
   * (the limit stays the notice's, reported as a warning about the notice).
   */
  limitedTo?: { cases: RightCase[]; ref: Ref[] };
  ref: Ref[];
}

export type IdentityCheck = 'email-link' | 'signed-written-request' | 'qualified-e-signature';

/** How the controller handles rights requests. */
export interface RequestPolicy {
  /** Official channels through which requests reach the controller (EDPB 01/2022 §157). */
  channels: { kind: 'e-mail' | 'post' | 'phone' | 'web-form' | 'in-person'; value: Text; ref: Ref[] }[];
  /** The identity check required per right; `default` applies to the rest. */
  identity: { default: IdentityCheck; perRight?: Partial<Record<RightCode, IdentityCheck>>; description: Text; ref: Ref[] };
  /** Months to answer (GDPR Art. 12(3): one, extendable by two). */
  responseMonths: 1;
  extensionMonths: 2;
  /**
   * Working days within which the controller promises to carry out a consent
   * withdrawal in its systems (Inomedis notice clause 15: 3); 0 = no promise.
   * An outer limit counted from receipt, never a delay: the withdrawal is in
   * effect as soon as it reaches the controller (GDPR Art. 7(3)).
   */
  consentWithdrawalWorkingDays: number;
  /**
   * Days within which a request of the same type from the same data subject is
   * flagged as a duplicate of the earlier one (libs/requests duplicates.ts;
   * default 30). A flag for staff, never a refusal by itself: refusing a
   * repeated request is the controller's decision under GDPR Art. 12(5).
   */
  duplicateWindowDays?: number;
  /** Electronic requests answered electronically (Art. 12(3)). */
  electronicReply: boolean;
  /** The controller reserves a fee or refusal for manifestly unfounded/excessive requests. */
  excessiveRequests: { fee: boolean; refuse: boolean; ref: Ref[] };
  ref: Ref[];
  fieldRefs?: FieldRefs;
}

export interface GroupCompany {
  name: string;
  relation: 'parent' | 'subsidiary' | 'sister' | 'joint-controller';
  country: Address['country'];
  registryCode?: string;
  /** What is shared with it, on which basis and why. */
  sharing?: { dataCategories: Text; purpose: Text; basis: Art6Basis; description: Text };
  ref: Ref[];
  fieldRefs?: FieldRefs;
}

export interface Dpo {
  name?: string;
  /** Title as the notice gives it ("personuppgiftsombud"). */
  title?: Text;
  email?: string;
  phone?: string;
  ref: Ref[];
  fieldRefs?: FieldRefs;
}

/** The controller's statement about children. */
export interface ChildrenStatement {
  /** The service is not directed at persons under this age. */
  minimumAge: number;
  statement: Text;
  ref: Ref[];
}

/**
 * What the controller's published notice states that the registers do not
 * model directly: kept so the linter can check the notice against the law.
 */
export interface NoticeClaims {
  /** The authority's name as the notice prints it. */
  authorityName?: { name: string; ref: Ref[] };
  /** A region the notice names as the transfer boundary ("outside the USA"). */
  transferBoundary?: { region: string; ref: Ref[] };
  /** Third-party trackers the notice mentions. */
  trackersMentioned?: { name: string; ref: Ref[] }[];
  /** Promise that no third-party trackers run. */
  noThirdPartyTrackers?: { ref: Ref[] };
  /** Ages the notice mentions for children. */
  childrenAges?: { age: number; ref: Ref[] }[];
  /** Sections of the notice that are headings with no content. */
  emptySections?: { section: string; filledFrom?: string; ref: Ref[] }[];
  /**
   * What the notice's change clause says about consent when it ties consent to
   * changes: continued use taken as consent to the changed policy, or changes
   * that "require your consent". Not published; the linter reports it.
   */
  changeClause?: { says: 'continued-use-is-consent' | 'consent-to-changes'; ref: Ref[] };
  /** Anything else the notice says that an auditor should know. */
  remarks?: { text: Text; severity: 'warning' | 'info'; ref: Ref[] }[];
}

export interface Branding {
  /** Main colour (hex) for headers and buttons; must contrast with white text. */
  primaryColor: string;
  accentColor: string;
  /** The name shown in page headers. */
  displayName: string;
  tagline?: Text;
  /** The logo its public pages show (`/t/:slug/logo`; the bytes are kept beside the definition, checked by content). */
  logo?: { type: 'image/png' | 'image/jpeg' | 'image/webp' | 'image/svg+xml'; sha256: string };
}

/** A data controller: a Regula tenant. */
export interface ControllerDefinition {
  /** URL and folder slug. */
  slug: string;
  legalName: string;
  brand?: string;
  registryCode: string;
  registryName?: Text;
  vatNumber?: string;
  legalAddress: Address;
  officeAddress?: Address;
  contact: { email: string; phone?: string; web?: string; instructions?: Text; ref: Ref[]; fieldRefs?: FieldRefs };
  dpo: Dpo | 'none';
  /** Art. 27 representative (only for controllers outside the EU). */
  representative?: { name: string; contact: string; ref: Ref[] };
  groupCompanies: GroupCompany[];
  jurisdiction: Jurisdiction;
  branding: Branding;
  /** What the controller's service is, in a sentence. */
  service: Text;
  documents: SourceDocument[];
  registers: Register[];
  rights: RightStatement[];
  requests: RequestPolicy;
  children: ChildrenStatement;
  /** How material changes of the policy are announced. */
  policyChanges: {
    channels: ('website' | 'login-page' | 'dashboard' | 'e-mail')[];
    archive: boolean;
    description: Text;
    /**
     * The registers whose data subjects hold an account with the controller: the
     * 'e-mail' channel writes to those with a live record there (default: every
     * data subject with a live record and an e-mail address).
     */
    accountRegisters?: string[];
    /**
     * Days between publishing a material change and the day it takes effect,
     * so that readers can read it first: the publish preview proposes that
     * date (default 30). A non-material change applies from the day it is published.
     */
    noticeDays?: number;
    ref: Ref[];
    fieldRefs?: FieldRefs;
  };
  /** Security reports: how quickly they are acknowledged (hours). */
  securityReports?: { acknowledgeWithinHours: number; channel: Text; ref: Ref[] };
  /** The financial year's last day, MM-DD (default 12-31), for accounting retention. */
  financialYearEnd?: string;
  notice: NoticeClaims;
  /**
   * Provenance of the controller's own fields (legalName, registryCode,
   * vatNumber, legalAddress, officeAddress, service, dpo when 'none'...): without
   * an entry a field is stated by the first document of role 'notice'.
   */
  fieldRefs?: FieldRefs;
}
