import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (documented in libs/ingest/README.md):
 *
 *   X-Regula-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 *
 * The timestamp is signed with the body, so a captured request cannot be
 * replayed after the tolerance; receivers compare in constant time.
 */

export const SIGNATURE_HEADER = 'X-Regula-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Hex HMAC-SHA256 of "<t>.<body>". */
export function signatureOf(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The X-Regula-Signature header value for `body` signed at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

export interface VerifyOptions {
  /** The X-Regula-Signature header as received. */
  header: string | undefined | null;
  /** The raw request body, exactly as received (not re-serialised JSON). */
  body: string | Buffer;
  secret: string;
  /** Maximum age (and clock skew) of the timestamp in seconds; default 300. */
  toleranceSeconds?: number;
  /** The receiver's clock, unix seconds (for tests). */
  nowSeconds?: number;
}

/**
 * For receivers: is this a request Regula signed with `secret`, recently?
 * Accepts several v1 values (sent while a secret is being rotated).
 */
export function verifySignature(opts: VerifyOptions): boolean {
  if (!opts.header || !opts.secret) return false;
  let t: number | null = null;
  const candidates: string[] = [];
  for (const part of opts.header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d{1,12}$/.test(v)) t = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) candidates.push(v);
  }
  if (t === null || candidates.length === 0) return false;
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(signatureOf(opts.secret, t, opts.body), 'hex');
  return candidates.some((c) => timingSafeEqual(Buffer.from(c, 'hex'), expected));
}
