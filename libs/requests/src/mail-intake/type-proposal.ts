import type { RequestType } from '../request-types';

/** The types an intake message may be proposed as (the admin confirms or corrects). */
export type ProposableType = Extract<RequestType, 'access' | 'erasure' | 'rectification' | 'objection' | 'portability' | 'restriction' | 'consent-withdrawal'>;

/**
 * Words (lower case, matched as parts of the text) that name a right in each language
 * Regula's tenants write in. A hit in the subject counts twice. Deliberately plain: the
 * result is a proposal an admin confirms, never a decision.
 */
const KEYWORDS: Record<string, Record<ProposableType, string[]>> = {
  en: {
    access: ['access', 'copy of my', 'what data', 'what personal data', 'article 15'],
    erasure: ['erase', 'erasure', 'delete', 'deletion', 'remove my', 'forgotten', 'article 17'],
    rectification: ['rectif', 'correct', 'inaccurate', 'update my', 'article 16'],
    objection: ['object to', 'objection', 'direct marketing', 'stop processing', 'article 21'],
    portability: ['portab', 'machine-readable', 'transfer my data', 'article 20'],
    restriction: ['restrict', 'article 18'],
    'consent-withdrawal': ['withdraw', 'revoke', 'unsubscribe'],
  },
  et: {
    access: ['juurdepääs', 'koopia', 'tutvuda', 'milliseid andmeid', 'artikkel 15', 'artikli 15'],
    erasure: ['kustuta', 'unustatud', 'artikkel 17', 'artikli 17'],
    rectification: ['paranda', 'ebaõige', 'artikkel 16', 'artikli 16'],
    objection: ['vastuväide', 'vaidlusta', 'otseturundus', 'artikkel 21', 'artikli 21'],
    portability: ['ülekantav', 'ülekandmi', 'artikkel 20', 'artikli 20'],
    restriction: ['piiramis', 'piirata', 'artikkel 18', 'artikli 18'],
    'consent-withdrawal': ['tagasi võtta', 'võtan tagasi', 'tagasivõt'],
  },
  lt: {
    access: ['susipažin', 'prieig', 'kopij', '15 straips'],
    erasure: ['ištrin', 'pamiršt', '17 straips'],
    rectification: ['ištaisy', 'patikslin', '16 straips'],
    objection: ['nesutink', 'prieštara', 'tiesioginės rinkodaros', '21 straips'],
    portability: ['perkeliam', 'perkelt', '20 straips'],
    restriction: ['apribo', '18 straips'],
    'consent-withdrawal': ['atšauk'],
  },
  lv: {
    access: ['piekļuv', 'kopij', 'iepazīties', '15. pant'],
    erasure: ['dzēs', 'aizmirst', '17. pant'],
    rectification: ['labo', 'precizē', '16. pant'],
    objection: ['iebilst', 'iebildu', 'tiešā mārketing', '21. pant'],
    portability: ['pārnes', '20. pant'],
    restriction: ['ierobežo', '18. pant'],
    'consent-withdrawal': ['atsauc'],
  },
  sv: {
    access: ['registerutdrag', 'tillgång', 'kopia', 'artikel 15'],
    erasure: ['radera', 'radering', 'glömd', 'artikel 17'],
    rectification: ['rätta', 'rättelse', 'felaktig', 'artikel 16'],
    objection: ['invänd', 'direktmarknadsföring', 'artikel 21'],
    portability: ['dataportabilitet', 'överför', 'artikel 20'],
    restriction: ['begränsa', 'begränsning', 'artikel 18'],
    'consent-withdrawal': ['återkalla'],
  },
};

/** Common words that tell the languages apart (whole words). */
const MARKERS: Record<string, string[]> = {
  en: ['the', 'my', 'please', 'request', 'data', 'and', 'i', 'of', 'to'],
  et: ['palun', 'minu', 'mind', 'andmed', 'andmeid', 'andmete', 'ja', 'soovin', 'tere'],
  lt: ['prašau', 'mano', 'duomenis', 'duomenų', 'ir', 'noriu', 'laba', 'diena'],
  lv: ['lūdzu', 'mani', 'manus', 'datus', 'datu', 'un', 'vēlos', 'labdien'],
  sv: ['jag', 'mina', 'uppgifter', 'och', 'vänligen', 'hej', 'vill', 'att'],
};

/** Ties go to the type listed first: a withdrawal or an erasure costs more to miss than an access. */
const ORDER: ProposableType[] = ['consent-withdrawal', 'erasure', 'objection', 'restriction', 'rectification', 'portability', 'access'];

const lower = (s: string) => s.normalize('NFC').toLowerCase();

function hits(text: string, words: string[]): number {
  return words.reduce((n, w) => n + (text.includes(w) ? 1 : 0), 0);
}

/**
 * The type a message most likely asks for, reading the keywords of the given languages
 * (the tenant's, and English), or null when no keyword matches (the admin chooses).
 */
export function proposeType(subject: string, body: string, languages: readonly string[]): ProposableType | null {
  const s = lower(subject);
  const b = lower(body);
  let best: ProposableType | null = null;
  let bestScore = 0;
  for (const type of ORDER) {
    let score = 0;
    for (const lang of languages) {
      const words = KEYWORDS[lang]?.[type];
      if (words) score += 2 * hits(s, words) + hits(b, words);
    }
    if (score > bestScore) {
      best = type;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The language a message is written in, among the tenant's (first = default): the one
 * whose common words and right keywords occur most; the tenant's first language when
 * none stands out.
 */
export function guessLanguage(text: string, languages: readonly string[]): string {
  const fallback = languages[0] ?? 'en';
  const t = lower(text);
  const words = t.match(/\p{L}+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = fallback;
  let bestScore = 0;
  for (const lang of languages) {
    const markers = (MARKERS[lang] ?? []).reduce((n, m) => n + (counts.get(m) ?? 0), 0);
    const keywords = Object.values(KEYWORDS[lang] ?? {}).reduce((n, list) => n + hits(t, list), 0);
    const score = markers + 2 * keywords;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}
