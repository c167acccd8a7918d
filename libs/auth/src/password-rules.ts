import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Why a new password is refused; each has a text here (API) and `password.problem.<code>` in the dashboard's catalogues. */
export type PasswordProblem = 'too-short' | 'too-long' | 'same-as-current' | 'common' | 'trivial' | 'personal';

const TEXTS: Record<PasswordProblem, string> = {
  'too-short': 'must be at least 12 characters',
  'too-long': 'must be at most 200 characters',
  'same-as-current': 'must differ from the current password',
  common: 'is a commonly used or breached password (or one with only digits or symbols added)',
  trivial: 'is a trivial pattern (one repeated character or group, or a simple sequence)',
  personal: "is too close to the account's own data (e-mail address, name, organisation)",
};

export function passwordProblemText(problem: PasswordProblem): string {
  return TEXTS[problem];
}

/** What a password must not be built from: the account's e-mail, name, its tenants' names, its current password. */
export interface PasswordContext {
  email?: string;
  displayName?: string;
  tenantNames?: string[];
  currentPassword?: string;
}

let common: Set<string> | undefined;

/**
 * Common and breached passwords, lowercased, at least 4 characters: the
 * frequency-ranked list zxcvbn ships (@zxcvbn-ts/language-common 4.1.3,
 * passwords.json, MIT, assets/common-passwords.LICENSE.txt), about 49,000
 * entries. Loaded once, on the first check.
 */
function commonPasswords(): Set<string> {
  common ??= new Set(JSON.parse(readFileSync(path.join(__dirname, 'assets', 'common-passwords.json'), 'utf8')) as string[]);
  return common;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];

/**
 * The problem of a new staff password, or null. NIST SP 800-63B 5.1.1.2:
 * length (12 to 200), not a known common or breached password, not a
 * repetition or sequence, not built from context-specific words (the e-mail,
 * the name, the organisation, the current or one-time password).
 */
export function passwordProblem(password: string, ctx: PasswordContext = {}): PasswordProblem | null {
  if ([...password].length < 12) return 'too-short';
  if (password.length > 200) return 'too-long';
  if (ctx.currentPassword !== undefined && password === ctx.currentPassword) return 'same-as-current';
  const lower = password.toLowerCase();
  if (isTrivial(lower)) return 'trivial';
  if (isCommon(lower)) return 'common';
  if (isPersonal(lower, ctx)) return 'personal';
  return null;
}

/** One character or one short group repeated, or a run of a simple sequence (alphabet, digits, a keyboard row), either way. */
function isTrivial(lower: string): boolean {
  const chars = [...lower];
  if (new Set(chars).size <= 3) return true;
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    if (chars.length % unit === 0 && lower === lower.slice(0, unit).repeat(chars.length / unit)) return true;
  }
  return SEQUENCES.some((s) => isRunOf(lower, s) || isRunOf(lower, [...s].reverse().join('')));
}

/** Whether `text` walks along `seq` (wrapping around), e.g. "3456789012" along the digits. */
function isRunOf(text: string, seq: string): boolean {
  const start = seq.indexOf(text[0]);
  if (start < 0) return false;
  for (let i = 1; i < text.length; i++) if (seq[(start + i) % seq.length] !== text[i]) return false;
  return true;
}

/** In the list as typed, or once leading and trailing digits and symbols are cut and l33t spelling undone, or as a listed word repeated. */
function isCommon(lower: string): boolean {
  const list = commonPasswords();
  const strip = (s: string) => s.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const core = strip(lower);
  const candidates = new Set([lower, core, unleet(core), strip(unleet(lower)), lower.replace(/[^a-z0-9]/g, '')]);
  for (const c of candidates) {
    if (c.length < 4) continue;
    if (list.has(c)) return true;
    for (let unit = 4; unit <= c.length / 2; unit++) {
      if (c.length % unit === 0 && list.has(c.slice(0, unit)) && c === c.slice(0, unit).repeat(c.length / unit)) return true;
    }
  }
  return false;
}

function unleet(s: string): string {
  return s.replace(/[0134573@$!]/g, (c) => LEET[c] ?? c);
}

/**
 * Built from the account's own data: what is left once every context word
 * (4 characters or more) is taken out is fewer than 8 letters or digits, or
 * a common or trivial password itself.
 */
function isPersonal(lower: string, ctx: PasswordContext): boolean {
  const alnum = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const words = new Set<string>();
  const add = (s: string | undefined, parts = true) => {
    if (!s) return;
    const whole = alnum(s);
    if (whole.length >= 4) words.add(whole);
    if (parts) for (const part of s.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (part.length >= 4) words.add(part);
  };
  if (ctx.email) {
    add(ctx.email);
    const [local, domain] = ctx.email.split('@');
    add(local);
    add(domain?.split('.')[0]);
  }
  add(ctx.displayName);
  for (const n of ctx.tenantNames ?? []) add(n);
  add(ctx.currentPassword, false);
  let rest = alnum(lower);
  let hit = false;
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    if (rest.includes(w)) {
      hit = true;
      rest = rest.split(w).join('');
    }
  }
  if (!hit) return false;
  return rest.length < 8 || isTrivial(rest) || isCommon(rest);
}
