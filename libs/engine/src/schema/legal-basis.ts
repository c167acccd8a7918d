import { Ref, Text } from './text';

/** GDPR Art. 6(1) lawful bases, as W3C DPV eu-gdpr terms name them. */
export const ART6_BASES = ['6(1)(a)', '6(1)(b)', '6(1)(c)', '6(1)(d)', '6(1)(e)', '6(1)(f)'] as const;
export type Art6Basis = (typeof ART6_BASES)[number];

/** GDPR Art. 9(2) conditions for special categories of data. */
export const ART9_CONDITIONS = [
  '9(2)(a)', '9(2)(b)', '9(2)(c)', '9(2)(d)', '9(2)(e)', '9(2)(f)',
  '9(2)(g)', '9(2)(h)', '9(2)(i)', '9(2)(j)',
] as const;
export type Art9Condition = (typeof ART9_CONDITIONS)[number];

export interface LegalBasis {
  article: Art6Basis;
  /** Why this basis applies to this purpose, in the controller's terms. */
  description: Text;
  /** Art. 6(1)(f): the legitimate interest pursued (required for (f)). */
  legitimateInterest?: Text;
  /** Reference to a legitimate-interests assessment, if the controller has one. */
  liaLink?: string;
  /** Art. 6(1)(c): the law that imposes the obligation (required for (c)). */
  legalObligation?: { law: Text; ref: Ref[] };
  /** Art. 9(2) condition when special categories are processed. */
  art9?: { condition: Art9Condition; description: Text };
  /**
   * What the controller's published notice cites, when it differs from
   * `article` (e.g. Inomedis clause 14 labels a legal obligation "(b)").
   * The linter reports the mismatch as a finding about the notice.
   */
  citedInNotice?: string;
  ref: Ref[];
}
