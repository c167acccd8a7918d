import { HttpException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokens, AuthService, AuthUser } from '@regula/auth';
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

/**
 * Guards the queue dashboard: platform admins only, by bearer token or the
 * HttpOnly cookie its sign-in form sets; the form signs in through
 * AuthService.login (rate-limited and audited like the API's sign-in).
 * Tokens are checked by AccessTokens like everywhere else (signed out,
 * password changed: refused); sign-out revokes the cookie's token.
 */
export class QueuesBoardAuth {
  constructor(
    private readonly basePath: string,
    private readonly tokens: AccessTokens,
    private readonly auth: AuthService,
    private readonly opts: { secureCookie: boolean; ttlSeconds: number },
  ) {}

  private async userOf(req: Request): Promise<AuthUser | null> {
    const token = tokenOf(req);
    return token ? ((await this.tokens.verify(token))?.user ?? null) : null;
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
        res.type('html').send(loginPage(this.basePath, null));
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
    this.userOf(req)
      .then((user) => {
        if (!user) return this.deny(req, res, 401);
        if (!user.isPlatformAdmin || user.mustChangePassword) return this.deny(req, res, 403);
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
    const email = typeof body.email === 'string' ? body.email.slice(0, 320) : '';
    const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
    if (!email || !password) {
      res.status(400).type('html').send(loginPage(this.basePath, 'Enter your e-mail address and password.'));
      return;
    }
    try {
      const { accessToken, user } = await this.auth.login(email, password, req.ip ?? 'unknown');
      if (!user.isPlatformAdmin) {
        res.status(403).type('html').send(loginPage(this.basePath, 'The queue dashboard is for platform administrators only.'));
        return;
      }
      res.setHeader('Set-Cookie', this.cookie(accessToken, this.opts.ttlSeconds));
      res.redirect(303, this.basePath);
    } catch (e) {
      if (!(e instanceof HttpException)) throw e;
      const status = e.getStatus();
      if (status === 429) res.setHeader('Retry-After', String((e as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60));
      res.status(status).type('html').send(loginPage(this.basePath, status === 429 ? 'Too many sign-in attempts; try again later.' : 'Invalid e-mail or password.'));
    }
  }
}
