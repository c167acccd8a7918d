import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Request, Response } from 'express';
import { APP_CONFIG, ApiConfig } from '@regula/platform';
import { AuthUser, JwtPayload, UsersService } from '@regula/auth';
import { csrfMatches, csrfToken } from './admin-csrf';
import { LOGIN_COOKIE, SESSION_COOKIE, readCookie, setCookie } from './admin-cookies';

/** The dashboard session: the access token in the regula_session cookie, checked on every request. */
@Injectable()
export class AdminSessionService {
  private readonly secure: boolean;
  private readonly jwt: JwtService;

  constructor(private readonly users: UsersService, @Inject(APP_CONFIG) private readonly cfg: ApiConfig) {
    this.secure = cfg.NODE_ENV === 'production';
    this.jwt = new JwtService({ secret: cfg.JWT_SECRET });
  }

  /**
   * The signed-in user and the session value, or null (no cookie, bad or
   * expired token, disabled user). The cookie holds the access token and a
   * random nonce of this sign-in (`<token>~<nonce>`), so that two sign-ins
   * never share a value (and so a CSRF token).
   */
  async current(req: Request): Promise<{ user: AuthUser; token: string } | null> {
    const value = readCookie(req, SESSION_COOKIE);
    if (!value || value.length > 4096) return null;
    const [token, nonce] = value.split('~');
    if (!token || !nonce || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return null;
    try {
      const payload = await this.jwt.verifyAsync<JwtPayload>(token, { algorithms: ['HS256'] });
      if (payload.typ !== 'access' || typeof payload.sub !== 'string') return null;
      const user = await this.users.loadAuthUser(payload.sub);
      return user ? { user, token: value } : null;
    } catch {
      return null;
    }
  }

  start(res: Response, accessToken: string): void {
    setCookie(res, SESSION_COOKIE, `${accessToken}~${randomBytes(18).toString('base64url')}`, { maxAge: this.cfg.JWT_TTL_SECONDS, secure: this.secure });
    setCookie(res, LOGIN_COOKIE, '', { maxAge: 0, secure: this.secure });
  }

  end(res: Response): void {
    setCookie(res, SESSION_COOKIE, '', { maxAge: 0, secure: this.secure });
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
}
