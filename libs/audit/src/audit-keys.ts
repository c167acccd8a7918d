import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, AuditConfig, auditCheckpointDir, loadAuditConfig, sha256Hex } from '@regula/platform';

/**
 * A key's id: derived from the key itself (a fingerprint that reveals nothing
 * of it), so an entry names the key that signed it without anyone having to
 * number keys, and a rotated-in key can never reuse an old id.
 */
export function auditKeyId(secret: string): string {
  return `k${sha256Hex(`regula audit key id\n${secret}`).slice(0, 16)}`;
}

export function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The audit chain's keys (AUDIT_HMAC_KEY signs; AUDIT_HMAC_PREVIOUS_KEYS still
 * verify what they signed) and the checkpoint folder. The keys live in the
 * configuration, never in the database: whoever owns the database cannot
 * compute a valid entry or checkpoint.
 */
@Injectable()
export class AuditKeys {
  readonly currentId: string;
  readonly checkpointDir: string;
  private readonly byId = new Map<string, string>();
  private readonly current: string;

  constructor(@Optional() @Inject(APP_CONFIG) cfg?: AuditConfig) {
    // Processes without a Nest config (the CLI, test helpers) read the same variables from the environment.
    const c = cfg && 'AUDIT_HMAC_KEY' in cfg ? cfg : loadAuditConfig();
    this.current = c.AUDIT_HMAC_KEY;
    this.currentId = auditKeyId(c.AUDIT_HMAC_KEY);
    for (const k of [c.AUDIT_HMAC_KEY, ...c.AUDIT_HMAC_PREVIOUS_KEYS.split(',').filter(Boolean)]) this.byId.set(auditKeyId(k), k);
    this.checkpointDir = auditCheckpointDir(c);
  }

  /** Signs `text` with the current key. */
  sign(text: string): { keyId: string; mac: string } {
    return { keyId: this.currentId, mac: hmacHex(this.current, text) };
  }

  /** The HMAC of `text` under key `keyId`; undefined for a key this configuration does not hold. */
  macWith(keyId: string, text: string): string | undefined {
    const secret = this.byId.get(keyId);
    return secret === undefined ? undefined : hmacHex(secret, text);
  }

  knows(keyId: string): boolean {
    return this.byId.has(keyId);
  }

  /**
   * Keys for another purpose than the audit chain, derived from these secrets
   * (HMAC of `label` under each one; the current key's first): a keyed hash
   * made with them cannot be computed by whoever holds only the database, and
   * one made under a rotated-out key still matches while that key is kept in
   * AUDIT_HMAC_PREVIOUS_KEYS. Different labels give unrelated keys.
   */
  derivedKeys(label: string): Buffer[] {
    return [this.current, ...[...this.byId.values()].filter((k) => k !== this.current)].map((k) => createHmac('sha256', k).update(label).digest());
  }
}
