import { bearerOf, generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-keys';

describe('API keys', () => {
  it('are rk_<keyId>.<secret>; only the hash of the secret is kept', () => {
    const k = generateApiKey();
    expect(k.apiKey).toMatch(/^rk_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
    const parsed = parseApiKey(k.apiKey)!;
    expect(parsed.keyId).toBe(k.keyId);
    expect(k.keyHash).toBe(hashSecret(parsed.secret));
    expect(k.apiKey).not.toContain(k.keyHash);
    expect(generateApiKey().apiKey).not.toBe(k.apiKey);
  });

  it('match only their own hash', () => {
    const k = generateApiKey();
    const { secret } = parseApiKey(k.apiKey)!;
    expect(secretMatches(secret, k.keyHash)).toBe(true);
    expect(secretMatches(secret, generateApiKey().keyHash)).toBe(false);
    expect(secretMatches(secret, 'not-a-hash')).toBe(false);
  });

  it('parse only well-formed keys and bearer headers', () => {
    expect(parseApiKey('rk_0123456789abcdef.short')).toBeNull();
    expect(parseApiKey('eyJhbGciOi.JIUzI1NiJ9')).toBeNull();
    expect(parseApiKey(undefined)).toBeNull();
    expect(bearerOf('Bearer rk_x.y')).toBe('rk_x.y');
    expect(bearerOf('Basic abc')).toBeNull();
  });
});
