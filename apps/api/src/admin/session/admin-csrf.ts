import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * CSRF tokens of the dashboard's forms (besides SameSite=Strict cookies): the
 * HMAC of the session token (or of the sign-in page's nonce) with the JWT
 * secret. Nothing is stored: the token is recomputed and compared on POST.
 */
export function csrfToken(secret: string, sessionValue: string): string {
  return createHmac('sha256', secret).update(`regula-admin-csrf:${sessionValue}`).digest('base64url');
}

export function csrfMatches(secret: string, sessionValue: string, submitted: unknown): boolean {
  if (typeof submitted !== 'string' || !submitted || submitted.length > 100) return false;
  const want = Buffer.from(csrfToken(secret, sessionValue));
  const got = Buffer.from(submitted);
  return want.length === got.length && timingSafeEqual(want, got);
}
