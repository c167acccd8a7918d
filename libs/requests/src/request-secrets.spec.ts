import { matchesHash, newReference, newStatusToken, newVerificationCode, normaliseReference, REFERENCE_PATTERN, sha256Hex } from './request-secrets';

describe('request secrets', () => {
  it('draws references from an alphabet without look-alikes', () => {
    for (let i = 0; i < 500; i++) {
      const r = newReference();
      expect(r).toMatch(REFERENCE_PATTERN);
      expect(r.slice(2)).not.toMatch(/[01ILOU]/);
    }
  });

  it('normalises a typed reference and refuses anything else', () => {
    expect(normaliseReference(' r-7kq2-xm4p ')).toBe('R-7KQ2-XM4P');
    expect(normaliseReference('R-7KQ2-XM4')).toBeNull();
    expect(normaliseReference("R-7KQ2-XM4P' OR 1=1")).toBeNull();
  });

  it('makes 32-byte status tokens and 6-digit codes', () => {
    expect(Buffer.from(newStatusToken(), 'base64url')).toHaveLength(32);
    expect(newStatusToken()).not.toBe(newStatusToken());
    for (let i = 0; i < 100; i++) expect(newVerificationCode()).toMatch(/^\d{6}$/);
  });

  it('checks a secret against its stored hash', () => {
    const token = newStatusToken();
    const stored = sha256Hex(token);
    expect(matchesHash(token, stored)).toBe(true);
    expect(matchesHash(`${token}x`, stored)).toBe(false);
    expect(matchesHash(token, null)).toBe(false);
    expect(matchesHash(token, 'abc')).toBe(false);
  });
});
