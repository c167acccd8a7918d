import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets Regula must read back (a tenant's OpenID Connect client secret) are
 * stored encrypted: AES-256-GCM under a key derived (HKDF-SHA256) from
 * `SECRETS_KEY`, or from `JWT_SECRET` when that is not set, so the database
 * alone never holds a readable secret. `context` (e.g. the tenant id and the
 * field) is authenticated with the ciphertext: a value copied to another row
 * or tenant does not open. Stored form: `sb1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(keyMaterial: string) {
    if (keyMaterial.length < 32) throw new Error('the secret box needs key material of at least 32 characters');
    this.key = Buffer.from(hkdfSync('sha256', keyMaterial, 'regula', 'regula secret-box v1', 32));
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['sb1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The plain text, or null when the value is not a sealed box of this key and context (tampered, another row, another key). */
  open(sealed: string, context: string): string | null {
    const [v, iv, tag, body] = sealed.split('.');
    if (v !== 'sb1' || !iv || !tag || body === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

/** Injection token of the API's SecretBox (keyed by SECRETS_KEY or JWT_SECRET). */
export const SECRET_BOX = Symbol('SECRET_BOX');
