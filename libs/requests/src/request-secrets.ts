import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L, U: nothing to misread when a reference is read out or typed. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const REFERENCE_PATTERN = /^R-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

/** "R-7KQ2-XM4P": 30^8 (6.6e11) possibilities, unique per tenant (checked on insert). */
export function newReference(): string {
  const pick = () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  const part = () => Array.from({ length: 4 }, pick).join('');
  return `R-${part()}-${part()}`;
}

/** A reference as typed by a person: trimmed, upper-cased; null when it cannot be one. */
export function normaliseReference(input: string): string | null {
  const r = String(input ?? '').trim().toUpperCase();
  return REFERENCE_PATTERN.test(r) ? r : null;
}

/** The secret of a status link: 32 random bytes, URL-safe. Only its SHA-256 is stored. */
export function newStatusToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The e-mail code: valid 30 minutes from when its e-mail is sent, at most 5 tries (then a new code is needed). */
export const CODE_TTL_MINUTES = 30;
export const CODE_MAX_ATTEMPTS = 5;

/** A 6-digit e-mail code (uniform, leading zeros kept). */
export function newVerificationCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

export function sha256Hex(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compares a secret with a stored SHA-256 in constant time (hashing first makes the lengths equal). */
export function matchesHash(secret: string, storedHex: string | null | undefined): boolean {
  if (!storedHex || typeof secret !== 'string') return false;
  const a = Buffer.from(sha256Hex(secret), 'hex');
  const b = Buffer.from(storedHex.trim(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
