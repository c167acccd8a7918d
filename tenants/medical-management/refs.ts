import { Ref, Text } from '@regula/engine';

/** Ids of the two source documents (declared in `controller.ts`). */
export const NOTICE = 'notice';
export const SEED_001 = 'seed-001';

/** Sections of the Baltic Lasers client portal notice (Lithuanian title, English body). */
const NOTICE_SECTIONS = {
  title: 'title',
  intro: 'introduction',
  1: '§ 1 Data controller',
  2: '§ 2 Categories of data we process',
  3: '§ 3 Purposes and legal bases',
  4: '§ 4 Recipients and processors',
  5: '§ 5 International transfers',
  6: '§ 6 Retention',
  7: '§ 7 Your rights',
  8: '§ 8 Cookies and local storage',
  9: '§ 9 Security',
  10: '§ 10 Children',
  11: '§ 11 Changes to this policy',
} as const;
export type NoticeSection = keyof typeof NOTICE_SECTIONS;

/**
 * Sections of the "Customer and Marketing Register" description. Only some of
 * its headings carry a number (3, 8, 9, 11); the others are cited by heading.
 */
const SEED_001_SECTIONS = {
  name: '§ 3 Name of register',
  basis: 'What is the legal basis for and purpose of the processing of personal data?',
  data: 'What data do we process?',
  sources: 'From where do we receive information?',
  disclosures: 'To whom do we disclose data and do we transfer data outside of USA?',
  protection: '§ 8 How do we protect the data and how long do we store them?',
  rights: '§ 9 What are your rights as a data subject?',
  contact: 'Who can you be in contact with?',
  changes: '§ 11 Changes in the Privacy Policy',
} as const;
export type Seed001Section = keyof typeof SEED_001_SECTIONS;

/** The notice sections that are headings with an empty list. */
export type EmptyNoticeSection = 2 | 3 | 4 | 6 | 7 | 8;

function withNote(ref: Ref, note?: string): Ref {
  return note ? { ...ref, note } : ref;
}

/** A fact stated by the portal notice. */
export function notice(section: NoticeSection, note?: string): Ref {
  return withNote({ source: NOTICE, at: NOTICE_SECTIONS[section] }, note);
}

/**
 * The register description is not the controller's own statement about the
 * portal (it is an unnamed controller's "Customer and Marketing Register"): a
 * fact taken from it is assumed until a person at the controller confirms it.
 */
const FROM_SEED_001 = 'taken from the Customer and Marketing Register description, not from the controller’s own notice';

/** A fact taken from the register description: assumed (see `FROM_SEED_001`). */
export function seed(section: Seed001Section, note?: string): Ref {
  return { source: SEED_001, at: SEED_001_SECTIONS[section], provenance: 'assumed', note: note ? `${FROM_SEED_001}; ${note}` : FROM_SEED_001 };
}

/** A fact of the register description that fills an empty section of the portal notice: assumed. */
export function fills(section: Seed001Section, empty: EmptyNoticeSection, note?: string): Ref {
  const base = `fills the empty section ${empty} of the portal notice; ${FROM_SEED_001}`;
  return { source: SEED_001, at: SEED_001_SECTIONS[section], provenance: 'assumed', note: note ? `${base}; ${note}` : base };
}

/**
 * A default Regula filled in where the portal notice (the section named) is
 * silent: a period, a role, a basis, a screening result. Assumed until a person
 * at the controller confirms it; `note` says what was assumed and why (internal).
 */
export function assumed(section: NoticeSection, note: string): Ref {
  return { source: NOTICE, at: NOTICE_SECTIONS[section], provenance: 'assumed', note };
}

/** The controller's statement replaced because the law requires it: `source`/`at` name the rule, `note` the reason. */
export function corrected(source: string, at: string, note: string): Ref {
  return { source, at, provenance: 'corrected', note };
}

/** Nobody stated it (the section named leaves it blank): the value is a placeholder that is never published. */
export function unknown(section: NoticeSection, note: string): Ref {
  return { source: NOTICE, at: NOTICE_SECTIONS[section], provenance: 'unknown', note };
}

/** A rule taken from a law in the engine's law catalogue. */
export function law(source: string, at: string, note?: string): Ref {
  return withNote({ source, at }, note);
}

/** Heading of a notice section, for `notice.emptySections`. */
export function noticeSectionTitle(section: NoticeSection): string {
  return NOTICE_SECTIONS[section];
}

/** A text in the three languages this controller publishes in. */
export function tx(en: string, et: string, lt: string): Text {
  return { en, et, lt };
}

export const DEFAULT_NOTE = 'default chosen by Regula';
export const VAGUE_NOTE = 'the sources only say "as long as necessary"';
