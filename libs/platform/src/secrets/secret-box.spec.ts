import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('k'.repeat(40));

  it('opens what it sealed, only with the same context and key', () => {
    const sealed = box.seal('client-secret-1', 'tenant-a:sso');
    expect(sealed).toMatch(/^sb1\./);
    expect(sealed).not.toContain('client-secret-1');
    expect(box.open(sealed, 'tenant-a:sso')).toBe('client-secret-1');
    expect(box.open(sealed, 'tenant-b:sso')).toBeNull();
    expect(new SecretBox('x'.repeat(40)).open(sealed, 'tenant-a:sso')).toBeNull();
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(box.open([v, iv, tag, flipped.toString('base64url')].join('.'), 'tenant-a:sso')).toBeNull();
  });

  it('seals the same text differently each time', () => {
    expect(box.seal('s', 'c')).not.toBe(box.seal('s', 'c'));
  });
});
