import { Inject, Injectable } from '@nestjs/common';
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

  /** The signed-in user and the token, or null (no cookie, bad or expired token, disabled user). */
  async current(req: Request): Promise<{ user: AuthUser; token: string } | null> {
    const token = readCookie(req, SESSION_COOKIE);
    if (!token || token.length > 4096) return null;
    try {
      const payload = await this.jwt.verifyAsync<JwtPayload>(token, { algorithms: ['HS256'] });
      if (payload.typ !== 'access' || typeof payload.sub !== 'string') return null;
      const user = await this.users.loadAuthUser(payload.sub);
      return user ? { user, token } : null;
    } catch {
      return null;
    }
  }

  start(res: Response, token: string): void {
    setCookie(res, SESSION_COOKIE, token, { maxAge: this.cfg.JWT_TTL_SECONDS, secure: this.secure });
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
