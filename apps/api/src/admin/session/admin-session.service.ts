import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { APP_CONFIG, ApiConfig } from '@regula/platform';
import { AccessTokenClaims, AccessTokens, AuthUser } from '@regula/auth';
import { csrfMatches, csrfToken } from './admin-csrf';
import { LOGIN_COOKIE, SESSION_COOKIE, SSO_COOKIE, SSO_PATH, readCookie, setCookie } from './admin-cookies';
import { AdminPasswordChangeRequired } from './password-change.exception';

/**
 * The dashboard session: the access token in the regula_session cookie,
 * checked on every request like a bearer token (signature, expiry, sign-out
 * denylist, the user's tokens_valid_after).
 */
@Injectable()
export class AdminSessionService {
  private readonly secure: boolean;

  constructor(private readonly tokens: AccessTokens, @Inject(APP_CONFIG) private readonly cfg: ApiConfig) {
    this.secure = cfg.NODE_ENV === 'production';
  }

  /**
   * The signed-in user and the session value, or null (no cookie, bad,
   * expired or signed-out token, password changed since, disabled user).
   * The cookie holds the access token and a random nonce of this sign-in
   * (`<token>~<nonce>`), so that two sign-ins never share a value (and so a
   * CSRF token).
   *
   * A user who must still change their one-time password gets
   * AdminPasswordChangeRequired (the filter sends them to the password page)
   * unless `beforePasswordChange` says the page is one they may use.
   */
  async current(req: Request, opts: { beforePasswordChange?: boolean } = {}): Promise<{ user: AuthUser; token: string; claims: AccessTokenClaims } | null> {
    const value = readCookie(req, SESSION_COOKIE);
    const token = accessTokenOf(value);
    const signedIn = token ? await this.tokens.verify(token) : null;
    if (!signedIn || !value) return null;
    if (signedIn.user.mustChangePassword && !opts.beforePasswordChange) throw new AdminPasswordChangeRequired();
    return { user: signedIn.user, token: value, claims: signedIn.token };
  }

  /** The claims of a session value's token (signature and expiry checked), to sign it out. */
  claimsOf(sessionValue: string): Promise<AccessTokenClaims | null> {
    const token = accessTokenOf(sessionValue);
    return token ? this.tokens.claimsOf(token) : Promise.resolve(null);
  }

  /** Deletes the session cookie (the sign-out itself revokes the token: AuthService.logout). */
  end(res: Response): void {
    setCookie(res, SESSION_COOKIE, '', { maxAge: 0, secure: this.secure });
  }

  start(res: Response, accessToken: string): void {
    setCookie(res, SESSION_COOKIE, `${accessToken}~${randomBytes(18).toString('base64url')}`, { maxAge: this.cfg.JWT_TTL_SECONDS, secure: this.secure });
    setCookie(res, LOGIN_COOKIE, '', { maxAge: 0, secure: this.secure });
  }

  csrf(sessionValue: string): string {
    return csrfToken(this.cfg.JWT_SECRET, sessionValue);
  }

  csrfOk(sessionValue: string, submitted: unknown): boolean {
    return csrfMatches(this.cfg.JWT_SECRET, sessionValue, submitted);
  }

  /** The sign-in page's nonce (set when missing), for the login form's CSRF token. */
  loginNonce(req: Request, res: Response, fresh: () => string): string {
    const have = readCookie(req, LOGIN_COOKIE);
    if (have && /^[A-Za-z0-9_-]{20,64}$/.test(have)) return have;
    const nonce = fresh();
    setCookie(res, LOGIN_COOKIE, nonce, { maxAge: 3600, secure: this.secure });
    return nonce;
  }

  loginNonceOf(req: Request): string | null {
    const have = readCookie(req, LOGIN_COOKIE);
    return have && /^[A-Za-z0-9_-]{20,64}$/.test(have) ? have : null;
  }

  setCookie(res: Response, name: string, value: string, maxAge: number): void {
    setCookie(res, name, value, { maxAge, secure: this.secure });
  }

  /** The single sign-on's transaction cookie (SameSite=Lax: sent with the provider's redirect back; Path=/admin/sso); '' with 0 deletes it. */
  ssoCookie(res: Response, value: string, maxAge: number): void {
    setCookie(res, SSO_COOKIE, value, { maxAge, secure: this.secure, path: SSO_PATH, sameSite: 'Lax' });
  }
}

/** The access token of a session value `<token>~<nonce>`, or null when it is not one. */
function accessTokenOf(value: string | null): string | null {
  if (!value || value.length > 4096) return null;
  const [token, nonce] = value.split('~');
  return token && nonce && /^[A-Za-z0-9_-]{16,64}$/.test(nonce) ? token : null;
}
