import type { Request, Response } from 'express';

/** The dashboard's cookies: all HttpOnly, SameSite=Strict, Path=/admin (Secure in production). */
export const SESSION_COOKIE = 'regula_session';
/** A random nonce set by the sign-in page; the sign-in form carries its HMAC (login CSRF). */
export const LOGIN_COOKIE = 'regula_login';
/** The language chosen with the language switch. */
export const LANG_COOKIE = 'regula_lang';
export const ADMIN_PATH = '/admin';
/** A single sign-on under way: a random value whose hash finds it in Redis (SsoSignIn). */
export const SSO_COOKIE = 'regula_sso';
export const SSO_PATH = '/admin/sso';

/** One cookie's value from the Cookie header (null when absent or empty). */
export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      const raw = part.slice(i + 1).trim();
      try {
        return raw ? decodeURIComponent(raw) : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Appends a Set-Cookie header (keeps the ones already set). `maxAge` 0 deletes the cookie. */
/** `path` and `sameSite` only for the single sign-on's transaction cookie (Path=/admin/sso, Lax: it must come back with the provider's redirect). */
export function setCookie(res: Response, name: string, value: string, opts: { maxAge: number; secure: boolean; path?: string; sameSite?: 'Strict' | 'Lax' }): void {
  const cookie = [`${name}=${encodeURIComponent(value)}`, `Path=${opts.path ?? ADMIN_PATH}`, 'HttpOnly', `SameSite=${opts.sameSite ?? 'Strict'}`, `Max-Age=${opts.maxAge}`, ...(opts.secure ? ['Secure'] : [])].join('; ');
  const prev = res.getHeader('Set-Cookie');
  const list = Array.isArray(prev) ? prev : prev ? [String(prev)] : [];
  res.setHeader('Set-Cookie', [...list, cookie]);
}

/** Where to go after signing in: only a relative path under /admin (never another origin). */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return ADMIN_PATH;
  if (!/^\/admin(\/[A-Za-z0-9._~\-/?=&%]*)?$/.test(value) || value.includes('//') || value.includes('\\')) return ADMIN_PATH;
  if (value.startsWith('/admin/login') || value.startsWith('/admin/queues')) return ADMIN_PATH;
  return value;
}
