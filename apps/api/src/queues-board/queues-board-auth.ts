import { statusOf } from '../common/http-error';
import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokenClaims, AccessTokens, AuthService, AuthUser } from '@regula/auth';
import type { AdminSessionService } from '../admin/session/admin-session.service';
import { readCookie } from '../admin/session/admin-cookies';
import { deniedPage, loginPage } from './login-page';

export const ADMIN_COOKIE = 'regula_admin';

/** The token from `Authorization: Bearer` or the `regula_admin` cookie. */
export function tokenOf(req: Request): string | null {
  const auth = req.headers.authorization;
  if (auth && /^Bearer\s+\S+$/i.test(auth)) return auth.replace(/^Bearer\s+/i, '');
  // A malformed cookie (bad percent-encoding) reads as none: signed out, never a 500.
  return readCookie(req, ADMIN_COOKIE);
}

const wantsHtml = (req: Request) => (req.headers.accept ?? '').includes('text/html');

/** Who is using the board on this request (set on `res.locals` once signed in). */
export interface BoardSession {
  user: AuthUser;
  claims: AccessTokenClaims;
  /** The cookie's value when signed in by cookie (a form then needs its CSRF token); null for a bearer token. */
  cookie: string | null;
}

const BOARD_SESSION = 'regulaBoardSession';

export function boardSessionOf(res: Response): BoardSession {
  const s = res.locals[BOARD_SESSION] as BoardSession | undefined;
  if (!s) throw new Error('queue board: no signed-in session on this request (QueuesBoardAuth runs first)');
  return s;
}

/**
 * Guards the queue dashboard: platform admins only, by bearer token or the
 * HttpOnly cookie its sign-in form sets; the form signs in through
 * AuthService.login (rate-limited and audited like the API's sign-in).
 * Tokens are checked by AccessTokens like everywhere else (signed out,
 * password changed: refused); sign-out revokes the cookie's token.
 * The sign-in form carries the dashboard's login CSRF token (the HMAC of the
 * `regula_login` nonce cookie, AdminSessionService), so another site cannot
 * sign a browser in to an account of its choosing.
 */
export class QueuesBoardAuth {
  constructor(
    private readonly basePath: string,
    private readonly tokens: AccessTokens,
    private readonly auth: AuthService,
    private readonly sessions: AdminSessionService,
    private readonly opts: { secureCookie: boolean; ttlSeconds: number },
  ) {}

  private async sessionOf(req: Request): Promise<BoardSession | null> {
    const token = tokenOf(req);
    const signedIn = token ? await this.tokens.verify(token) : null;
    if (!token || !signedIn) return null;
    const bearer = /^Bearer\s/i.test(req.headers.authorization ?? '');
    return { user: signedIn.user, claims: signedIn.token, cookie: bearer ? null : token };
  }

  /** The sign-in page with `message`, a fresh CSRF token and `status`. */
  page(req: Request, res: Response, status: number, message: string | null): void {
    const nonce = this.sessions.loginNonce(req, res, () => randomBytes(24).toString('base64url'));
    res.status(status).type('html').send(loginPage(this.basePath, message, this.sessions.csrf(nonce)));
  }

  private deny(req: Request, res: Response, status: 401 | 403): void {
    res.status(status);
    res.setHeader('Cache-Control', 'no-store');
    if (wantsHtml(req)) res.type('html').send(deniedPage(this.basePath, status));
    else res.json({ statusCode: status, message: status === 401 ? 'a platform administrator must sign in' : 'platform administrators only' });
  }

  private cookie(value: string, maxAge: number): string {
    return [`${ADMIN_COOKIE}=${encodeURIComponent(value)}`, `Path=${this.basePath}`, 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`, ...(this.opts.secureCookie ? ['Secure'] : [])].join('; ');
  }

  /** Express middleware mounted at the base path (req.path is relative to it). */
  readonly handle = (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Cache-Control', 'no-store');
    if (req.path === '/login') {
      if (req.method === 'GET') {
        this.page(req, res, 200, null);
        return;
      }
      if (req.method === 'POST') {
        this.login(req, res).catch(next);
        return;
      }
    }
    if (req.path === '/logout' && req.method === 'POST') {
      this.logout(req, res).catch(next);
      return;
    }
    this.sessionOf(req)
      .then((session) => {
        if (!session) return this.deny(req, res, 401);
        if (!session.user.isPlatformAdmin || session.user.mustChangePassword) return this.deny(req, res, 403);
        res.locals[BOARD_SESSION] = session;
        next();
      })
      .catch(next);
  };

  /** Revokes the token of the cookie (audited `auth.logout`), then deletes the cookie. */
  private async logout(req: Request, res: Response): Promise<void> {
    const token = tokenOf(req);
    const signedIn = token ? await this.tokens.verify(token) : null;
    if (signedIn) await this.auth.logout(signedIn.user, signedIn.token, req.ip ?? 'unknown');
    res.setHeader('Set-Cookie', this.cookie('', 0));
    res.redirect(303, `${this.basePath}/login`);
  }

  private async login(req: Request, res: Response): Promise<void> {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const nonce = this.sessions.loginNonceOf(req);
    if (!nonce || !this.sessions.csrfOk(nonce, body._csrf)) return this.page(req, res, 403, 'The sign-in form had expired. Please sign in again.');
    const email = typeof body.email === 'string' ? body.email.slice(0, 320) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    if (!email || !password) return this.page(req, res, 400, 'Enter your e-mail address and password.');
    try {
      const { accessToken, user } = await this.auth.login(email, password, req.ip ?? 'unknown');
      if (!user.isPlatformAdmin) return this.page(req, res, 403, 'The queue dashboard is for platform administrators only.');
      res.setHeader('Set-Cookie', this.cookie(accessToken, this.opts.ttlSeconds));
      res.redirect(303, this.basePath);
    } catch (e) {
      const status = statusOf(e);
      if (status === undefined) throw e;
      if (status === 429) res.setHeader('Retry-After', String((e as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60));
      this.page(req, res, status, status === 429 ? 'Too many sign-in attempts; try again later.' : 'Invalid e-mail or password.');
    }
  }
}
