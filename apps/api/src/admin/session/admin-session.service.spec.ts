import type { Response } from 'express';
import type { ApiConfig } from '@regula/platform';
import type { AccessTokens } from '@regula/auth';
import { AdminSessionService } from './admin-session.service';

function fakeResponse() {
  const headers: Record<string, unknown> = {};
  return { headers, res: { getHeader: (n: string) => headers[n], setHeader: (n: string, v: unknown) => (headers[n] = v) } as unknown as Response };
}

describe('dashboard session cookie', () => {
  const config = (env: string) => ({ NODE_ENV: env, JWT_SECRET: 'x'.repeat(40), JWT_TTL_SECONDS: 3600 }) as unknown as ApiConfig;

  it('is HttpOnly, SameSite=Strict, on /admin, with a nonce per sign-in; Secure in production only', () => {
    for (const env of ['production', 'development']) {
      const { headers, res } = fakeResponse();
      new AdminSessionService({} as AccessTokens, config(env)).start(res, 'header.payload.signature');
      const [session, login] = headers['Set-Cookie'] as string[];
      expect(session).toMatch(/^regula_session=header\.payload\.signature~[A-Za-z0-9_-]{24}; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=3600/);
      expect(session.endsWith('; Secure')).toBe(env === 'production');
      expect(login).toMatch(/^regula_login=; Path=\/admin; HttpOnly; SameSite=Strict; Max-Age=0/);
    }
  });
});
