import { safeNext } from './admin-cookies';
import { csrfMatches, csrfToken } from './admin-csrf';

describe('dashboard session helpers', () => {
  it('accepts only relative /admin paths after sign-in', () => {
    expect(safeNext('/admin/t/inomedis/requests?state=received')).toBe('/admin/t/inomedis/requests?state=received');
    for (const bad of ['https://evil.example/admin', '//evil.example', '/admin//evil.example', '/admin\\evil', '/other', 'admin', '/admin/login', '/admin/queues', 42, undefined, '/admin/<script>']) {
      expect(safeNext(bad)).toBe('/admin');
    }
  });

  it('CSRF tokens: bound to the session value and the secret, compared in constant time', () => {
    const t = csrfToken('secret-a', 'session-1');
    expect(csrfMatches('secret-a', 'session-1', t)).toBe(true);
    expect(csrfMatches('secret-a', 'session-2', t)).toBe(false);
    expect(csrfMatches('secret-b', 'session-1', t)).toBe(false);
    expect(csrfMatches('secret-a', 'session-1', undefined)).toBe(false);
    expect(csrfMatches('secret-a', 'session-1', `${t}x`)).toBe(false);
  });
});
