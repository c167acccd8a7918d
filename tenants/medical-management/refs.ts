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

/** A fact stated by the register description. */
export function seed(section: Seed001Section, note?: string): Ref {
  return withNote({ source: SEED_001, at: SEED_001_SECTIONS[section] }, note);
}

/** A fact of the register description that fills an empty section of the portal notice. */
export function fills(section: Seed001Section, empty: EmptyNoticeSection, note?: string): Ref {
  const base = `fills the empty section ${empty} of the portal notice`;
  return { source: SEED_001, at: SEED_001_SECTIONS[section], note: note ? `${base}; ${note}` : base };
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

export const DEFAULT_NOTE = 'default chosen, verify with the controller';
export const VAGUE_NOTE = 'the sources only say "as long as necessary"';
