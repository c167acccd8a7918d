import { loadApiConfig, loadWorkerConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', REDIS_URL: 'redis://127.0.0.1:6379', JWT_SECRET: 'x'.repeat(32), AUDIT_HMAC_KEY: 'k'.repeat(32) };

describe('configuration', () => {
  it('applies documented defaults', () => {
    const cfg = loadApiConfig(base);
    expect(cfg.PORT).toBe(3000);
    expect(cfg.HOST).toBe('127.0.0.1');
  });

  it('names every missing or bad variable in one error', () => {
    let message = '';
    try {
      loadApiConfig({ PORT: 'eighty', REDIS_URL: 'http://x' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('DATABASE_URL is required');
    expect(message).toContain('REDIS_URL must be a redis: or rediss: URL');
    expect(message).toContain('JWT_SECRET is required');
    expect(message).toContain('PORT must be a whole number');
  });

  it('refuses a short JWT secret and an out-of-range port', () => {
    expect(() => loadApiConfig({ ...base, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => loadApiConfig({ ...base, PORT: '70000' })).toThrow(/PORT must be between 1 and 65535/);
  });

  it('refuses to boot in production with the test-only loopback webhooks setting, API and worker alike', () => {
    const unsafe = { ...base, NODE_ENV: 'production', REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1' };
    expect(() => loadApiConfig(unsafe)).toThrow(/REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS must not be 1 when NODE_ENV=production/);
    expect(() => loadWorkerConfig(unsafe)).toThrow(/REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS must not be 1 when NODE_ENV=production/);
    expect(loadApiConfig({ ...base, NODE_ENV: 'production' }).REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS).toBe('0');
    expect(loadWorkerConfig({ ...base, NODE_ENV: 'test', REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1' }).REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS).toBe('1');
    expect(() => loadApiConfig({ ...base, REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: 'yes' })).toThrow(/REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS must be one of 0, 1/);
    expect(() => loadApiConfig({ ...base, NODE_ENV: 'production', REGULA_TEST_ALLOW_LOOPBACK_IDP: '1' })).toThrow(/REGULA_TEST_ALLOW_LOOPBACK_IDP must not be 1 when NODE_ENV=production/);
  });

  it('requires the audit key (at least 32 characters) and reads earlier keys for rotation', () => {
    const { AUDIT_HMAC_KEY: _key, ...withoutKey } = base;
    expect(() => loadApiConfig(withoutKey)).toThrow(/AUDIT_HMAC_KEY is required/);
    expect(() => loadApiConfig({ ...base, AUDIT_HMAC_KEY: 'short' })).toThrow(/AUDIT_HMAC_KEY must be at least 32 characters/);
    expect(loadApiConfig({ ...base, AUDIT_HMAC_PREVIOUS_KEYS: `${'p'.repeat(32)}, ${'q'.repeat(32)}` }).AUDIT_HMAC_PREVIOUS_KEYS).toBe(`${'p'.repeat(32)},${'q'.repeat(32)}`);
    expect(() => loadApiConfig({ ...base, AUDIT_HMAC_PREVIOUS_KEYS: 'short' })).toThrow(/AUDIT_HMAC_PREVIOUS_KEYS/);
  });
});
