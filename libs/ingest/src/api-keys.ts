import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys of source systems: `rk_<keyId>.<secret>`. The key id is public
 * (it finds the row); only the SHA-256 of the secret is stored. The secret
 * is 32 random bytes, so a fast hash is enough (no dictionary to attack).
 */

const KEY = /^rk_([0-9a-f]{16})\.([A-Za-z0-9_-]{43})$/;

export interface GeneratedKey {
  keyId: string;
  /** The full key, shown once. */
  apiKey: string;
  keyHash: string;
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

export function generateApiKey(): GeneratedKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { keyId, apiKey: `rk_${keyId}.${secret}`, keyHash: hashSecret(secret) };
}

/** A webhook signing secret (shared with the system). */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** Splits a presented key; null when it does not have the shape of one. */
export function parseApiKey(presented: string | undefined | null): { keyId: string; secret: string } | null {
  const m = presented ? KEY.exec(presented.trim()) : null;
  return m ? { keyId: m[1], secret: m[2] } : null;
}

/** Constant-time comparison of the presented secret's hash with the stored one. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(/^[0-9a-f]{64}$/.test(storedHash) ? storedHash : '0'.repeat(64), 'hex');
  return timingSafeEqual(a, b) && /^[0-9a-f]{64}$/.test(storedHash);
}

/** The `Authorization: Bearer rk_...` value of a request, if any. */
export function bearerOf(header: string | string[] | undefined): string | null {
  const h = Array.isArray(header) ? header[0] : header;
  const m = h ? /^Bearer\s+(\S+)\s*$/i.exec(h) : null;
  return m ? m[1] : null;
}
