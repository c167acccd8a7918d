import { Ref } from '../schema/text';
import { Finding, FindingKind, Severity } from './finding';

interface CodeInfo {
  /** What an error of this code refuses: saving the definition, or only publishing a policy. */
  kind: FindingKind;
  severity: Severity;
  /** What the finding means, for the rule table in the engine README. */
  what: string;
  /** The provision the rule enforces. */
  law: string;
}

/**
 * Every finding code the register linter emits, with its severity and kind.
 * Errors of kind 'definition' are values the schema cannot hold (they refuse
 * saving a register and a tenant sync); errors of kind 'publication' are legal
 * defects of what a policy would state (they refuse publishing only). Warnings
 * and info are findings about the controller's published notice or judgement
 * calls an auditor should see.
 */
export const LINT_CODES = {
  'art30-missing': { kind: 'publication', severity: 'error', what: 'A field the record needs is absent: controller name, registry code, address or e-mail; DPO contact; registers; a register\'s purposes, subjects, data categories, sources, recipients, transfers, retention or security measures; a purpose\'s legal bases or categories', law: 'GDPR Art. 30(1)(a)-(g), Art. 13(1)(a)-(c)' },
  'duplicate-id': { kind: 'definition', severity: 'error', what: 'Two items of one list share an id (documents, registers and everything inside a register), or a right is stated twice', law: 'GDPR Art. 30(1) (each entry of the record must be identifiable)' },
  'dangling-reference': { kind: 'definition', severity: 'error', what: 'An id reference points to nothing: purpose.categories, dataCategory.sources, recipient.categories, transfer.recipients, retention categories', law: 'GDPR Art. 30(1)(b)-(f)' },
  'unused-data-category': { kind: 'publication', severity: 'warning', what: 'A data category that no purpose processes', law: 'GDPR Art. 5(1)(b)-(c)' },
  'empty-section': { kind: 'definition', severity: 'error', what: 'A list is `[]`; lists that may be empty must say `\'none\'`. A notice rendered from it prints a heading with nothing under it (seed 000)', law: 'GDPR Art. 12(1), 13, 30(1)' },
  'notice-empty-section': { kind: 'publication', severity: 'warning', what: 'The published notice has a heading with no content; says where the register filled it from', law: 'GDPR Art. 12(1), 13' },
  'retention-unenforceable': { kind: 'publication', severity: 'error', what: 'A retention rule of kind `as-long-as-necessary`: no period a machine can enforce', law: 'GDPR Art. 5(1)(e), 13(2)(a), 30(1)(f)' },
  'retention-uncovered': { kind: 'publication', severity: 'error', what: 'A data category governed by no retention rule', law: 'GDPR Art. 5(1)(e), 30(1)(f)' },
  'retention-overlap': { kind: 'publication', severity: 'error', what: 'A data category governed by more than one retention rule', law: 'GDPR Art. 5(1)(e), 30(1)(f)' },
  'retention-zero-period': { kind: 'publication', severity: 'error', what: 'A `period` rule whose period is zero (erased the moment it starts)', law: 'GDPR Art. 5(1)(e)' },
  'retention-no-conditions': { kind: 'definition', severity: 'error', what: 'A `conditions` rule with no conditions', law: 'GDPR Art. 5(1)(e)' },
  'invalid-duration': { kind: 'definition', severity: 'error', what: 'A retention duration with a negative or non-numeric field', law: 'GDPR Art. 5(1)(e)' },
  'transfer-without-safeguard': { kind: 'publication', severity: 'error', what: 'A third-country transfer whose safeguard is null', law: 'GDPR Art. 44-49, 30(1)(e)' },
  'transfer-missing': { kind: 'publication', severity: 'error', what: 'A recipient in a third country that no transfer covers', law: 'GDPR Art. 30(1)(e), 44' },
  'legitimate-interest-missing': { kind: 'publication', severity: 'error', what: 'Art. 6(1)(f) without the legitimate interest pursued', law: 'GDPR Art. 6(1)(f), 13(1)(d)' },
  'legal-obligation-missing': { kind: 'publication', severity: 'error', what: 'Art. 6(1)(c) without the law that imposes the obligation', law: 'GDPR Art. 6(1)(c), 6(3)' },
  'legal-basis-contradiction': { kind: 'publication', severity: 'error', what: 'A basis whose description (any language) clearly names a different Art. 6(1) basis and not its own', law: 'GDPR Art. 6(1), 13(1)(c)' },
  'notice-legal-basis-label': { kind: 'publication', severity: 'warning', what: 'The notice cites a different article than the basis relied on (seed 004, clause 14: legal obligation cited as 6(1)(b))', law: 'GDPR Art. 13(1)(c)' },
  'consent-for-purchase': { kind: 'publication', severity: 'error', what: 'A purpose about buying, ordering or performing a contract that relies on consent (6(1)(a)) and not on 6(1)(b)', law: 'GDPR Art. 6(1)(b), 7(4); EDPB Guidelines 2/2019 and 05/2020' },
  'notice-consent-for-purchase': { kind: 'publication', severity: 'warning', what: 'The notice cites consent (6(1)(a)) for a contract or purchase purpose (seed 004, clause 14)', law: 'GDPR Art. 6(1)(b), 13(1)(c)' },
  'cookie-without-consent': { kind: 'publication', severity: 'error', what: 'A statistics or marketing cookie with basis `exempt`', law: 'Directive 2002/58/EC Art. 5(3); national e-communications act' },
  'cookie-consent-not-needed': { kind: 'publication', severity: 'info', what: 'A strictly-necessary cookie that asks for consent (exempt under Art. 5(3))', law: 'Directive 2002/58/EC Art. 5(3)' },
  'third-party-cookie-contradiction': { kind: 'publication', severity: 'error', what: 'A third-party cookie while the notice promises no third-party trackers', law: 'GDPR Art. 5(1)(a), 13; Directive 2002/58/EC Art. 5(3)' },
  'notice-contradiction': { kind: 'publication', severity: 'warning', what: 'The notice mentions a third-party tracker and also promises none (seeds 001 and 000)', law: 'GDPR Art. 5(1)(a), 12(1)' },
  'authority-mismatch': { kind: 'publication', severity: 'error', what: 'The jurisdiction\'s authority is not the catalogue\'s authority for the controller\'s country (none of them, where competence is regional)', law: 'GDPR Art. 13(2)(d), 51, 55, 77' },
  'authority-outdated': { kind: 'publication', severity: 'error', what: 'The jurisdiction\'s authority carries a former name (Datainspektionen: IMY since 1 Jan 2021)', law: 'GDPR Art. 13(2)(d), 77' },
  'authority-contact-mismatch': { kind: 'publication', severity: 'warning', what: 'The authority\'s contact details differ from the catalogue', law: 'GDPR Art. 13(2)(d), 77' },
  'notice-authority-outdated': { kind: 'publication', severity: 'warning', what: 'The notice names the authority by a former name (Micromedic: Datainspektionen)', law: 'GDPR Art. 13(2)(d)' },
  'notice-authority-mismatch': { kind: 'publication', severity: 'warning', what: 'The notice names another country\'s authority, or another region\'s than the one chosen', law: 'GDPR Art. 13(2)(d), 55' },
  'notice-authority-unrecognised': { kind: 'publication', severity: 'info', what: 'The authority name the notice prints matches no catalogue name', law: 'GDPR Art. 13(2)(d)' },
  'jurisdiction-mismatch': { kind: 'publication', severity: 'error', what: 'The jurisdiction\'s Art. 8 age or time zone differs from its country\'s entry in the country catalogue', law: 'GDPR Art. 8(1); Regulation 1182/71 Art. 2' },
  'notice-wrong-jurisdiction': { kind: 'publication', severity: 'warning', what: 'The notice draws the transfer boundary around a region other than the EEA/EU (seed 001: "outside of USA")', law: 'GDPR Art. 44-46' },
  'foreign-law-reference': { kind: 'publication', severity: 'warning', what: 'A reference to a national law of another country than the controller\'s', law: 'GDPR Art. 6(3), national acts' },
  'children-below-art8-age': { kind: 'publication', severity: 'error', what: 'The service admits children below the national Art. 8 age while a purpose relies on consent', law: 'GDPR Art. 8(1)' },
  'children-age-low': { kind: 'publication', severity: 'warning', what: 'The service admits children below the national Art. 8 age (no purpose relies on consent)', law: 'GDPR Art. 8(1), recital 38' },
  'notice-children-age': { kind: 'publication', severity: 'warning', what: 'The notice mentions a children\'s age below the national Art. 8 age', law: 'GDPR Art. 8(1)' },
  'children-consent': { kind: 'publication', severity: 'warning', what: 'A subject category that may include children in a register that relies on consent', law: 'GDPR Art. 8(1)-(2)' },
  'processor-without-dpa': { kind: 'publication', severity: 'error', what: 'A processor without a data-processing agreement', law: 'GDPR Art. 28(3)' },
  'special-category-without-art9': { kind: 'publication', severity: 'error', what: 'A purpose processing a special category with no Art. 9(2) condition', law: 'GDPR Art. 9(1)-(2)' },
  'automated-decision-without-logic': { kind: 'publication', severity: 'error', what: 'Automated decisions with significant effects and no description of the logic', law: 'GDPR Art. 13(2)(f), 22' },
  'profiling-right-missing': { kind: 'publication', severity: 'warning', what: 'Profiling (or significant automated decisions) with no A21/A22 right statement', law: 'GDPR Art. 21, 22' },
  'right-missing': { kind: 'publication', severity: 'error', what: 'A right the controller must state is missing: A15-A18 and A77 always; A21 for 6(1)(e)/(f) or direct marketing; A20 for 6(1)(a)/(b); A7-3 for consent', law: 'GDPR Art. 13(2)(b)-(d), 7(3), 15-18, 20, 21, 77' },
  'unknown-reference': { kind: 'definition', severity: 'error', what: 'A Ref.source that is neither a document id of the controller nor a law of the catalogue', law: 'GDPR Art. 5(2) (accountability)' },
  'unreferenced-fact': { kind: 'publication', severity: 'warning', what: 'A purpose, legal basis, recipient, transfer, retention rule or data category with no reference', law: 'GDPR Art. 5(2) (accountability)' },
  'missing-translation': { kind: 'publication', severity: 'error', what: 'A text lacks one of the languages the controller publishes in', law: 'GDPR Art. 12(1)' },
  'no-dpo': { kind: 'publication', severity: 'info', what: 'No data-protection officer is designated; check whether one is mandatory', law: 'GDPR Art. 37(1)' },
  'missing-field': { kind: 'definition', severity: 'error', what: 'A required field is absent or of the wrong type (a list that is not a list, an object that is not an object): the schema cannot hold the definition', law: 'GDPR Art. 30(1) (the record must be complete and readable)' },
  'basis-unfit-for-purpose': { kind: 'publication', severity: 'error', what: 'Vital interests (Art. 6(1)(d)) relied on for video surveillance or marketing: that basis covers only a threat to life or health that no other basis can meet', law: 'GDPR Art. 6(1)(d), recital 46; EDPB Guidelines 3/2019 on video devices, section 3' },
  'notice-basis-unfit-for-purpose': { kind: 'publication', severity: 'warning', what: 'The notice cites vital interests (Art. 6(1)(d)) for video surveillance or marketing, while the register relies on another basis', law: 'GDPR Art. 6(1)(d), 13(1)(c), recital 46' },
  'right-narrowed': { kind: 'publication', severity: 'error', what: 'A right offered in fewer cases than the law grants: objection limited to direct marketing or profiling while a purpose rests on Art. 6(1)(e) or (f); erasure or restriction limited to some of the grounds of Art. 17(1) / 18(1)', law: 'GDPR Art. 12(2), 17(1), 18(1), 21(1)' },
  'notice-right-narrowed': { kind: 'publication', severity: 'warning', what: 'The controller\'s notice offers a right in fewer cases than the law grants; the published statement was corrected to the law (a `corrected` ref on `limitedTo`)', law: 'GDPR Art. 12(2), 17(1), 18(1), 21(1)' },
  'request-form-disproportionate': { kind: 'publication', severity: 'error', what: 'A rights request must be a signed paper document or carry a qualified electronic signature: an identification out of proportion that keeps people from exercising their rights', law: 'GDPR Art. 12(2), 12(6); EDPB Guidelines 01/2022 on the right of access, §§ 60-79' },
  'notice-request-form-disproportionate': { kind: 'publication', severity: 'warning', what: 'The controller\'s notice demands signed paper or a qualified electronic signature for a rights request; Regula offers a proportionate way beyond it (a `corrected` ref citing Art. 12 or EDPB Guidelines 01/2022 on the right\'s statement)', law: 'GDPR Art. 12(2), 12(6); EDPB Guidelines 01/2022 on the right of access, §§ 60-79' },
  'retention-start-uncertain': { kind: 'publication', severity: 'warning', what: 'A retention rule that starts only from events that may never happen (consent withdrawn, account closed) and has no period from an event that always happens: a record can be kept for ever', law: 'GDPR Art. 5(1)(e), 13(2)(a)' },
  'recipient-vague': { kind: 'publication', severity: 'error', what: 'A recipient named only vaguely ("partners in your region", "third parties", "others"): neither the recipient nor a category a reader can recognise', law: 'GDPR Art. 13(1)(e), 14(1)(e), 30(1)(d)' },
  'special-category-indicated': { kind: 'publication', severity: 'warning', what: 'Data subjects or data that indicate special categories (patients, health, recordings of patients) with no category marked special and no Art. 9(2) condition: check whether Art. 9 data is processed (video of visitors or the word "patients" alone is not special-category data)', law: 'GDPR Art. 9(1)-(2); EDPB Guidelines 3/2019 on video devices, section 5' },
  'change-clause-consent': { kind: 'publication', severity: 'error', what: 'The published change clause takes continued use as consent to a changed policy, or says changes need consent: a policy change is information, and consent is never given by silence or continued use', law: 'GDPR Art. 4(11), 7, 12(1), 13(3); recital 32' },
  'notice-change-clause-consent': { kind: 'publication', severity: 'warning', what: 'The controller\'s notice takes continued use as consent to changes, or says changes need consent (the published clause does not repeat it)', law: 'GDPR Art. 4(11), 7; recital 32' },
  'art13-unknown': { kind: 'publication', severity: 'error', what: 'An item the data subject must be told (Art. 13(1)-(2); for data not obtained from the subject also Art. 14(1)(d) and 14(2)(f)) whose value, or whether it applies, nobody stated (provenance unknown). Conditional items (DPO, legitimate interests, withdrawal of consent) only where their condition holds or is unknown', law: 'GDPR Art. 13(1)-(2), 14(1)(d), 14(2)(f)' },
  'notice-remark': { kind: 'publication', severity: 'info', what: 'A remark about the notice recorded in the definition, passed through with its own severity (warning or info)', law: 'as the remark says' },
} as const satisfies Record<string, CodeInfo>;

export type FindingCode = keyof typeof LINT_CODES;

/** Builds a finding with the catalogue's severity for `code`. */
export function finding(code: FindingCode, path: string, message: string, ref?: Ref[]): Finding {
  const result: Finding = { code, severity: LINT_CODES[code].severity, kind: LINT_CODES[code].kind, path, message };
  if (ref && ref.length > 0) result.ref = ref;
  return result;
}

/** The kind of a code's findings; codes outside the catalogue (a definition too malformed to lint) are definition errors. */
export function kindOf(code: string): FindingKind {
  return (LINT_CODES as Record<string, CodeInfo>)[code]?.kind ?? 'definition';
}
