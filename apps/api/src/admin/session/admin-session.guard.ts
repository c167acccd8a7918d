import { CanActivate, ExecutionContext, ForbiddenException, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PASSWORD_CHANGE_ALLOWED_KEY } from '@regula/auth';
import { ADMIN_ON_REQUEST, AdminHttpRequest } from '../shared/admin-request';
import { AdminSessionService } from './admin-session.service';

/** Not signed in: the exception filter redirects to the sign-in page with `next`. */
export class AdminSignInRequired extends HttpException {
  constructor(readonly next: string | null) {
    super('sign in first', HttpStatus.UNAUTHORIZED);
  }
}

/**
 * Every dashboard page but the sign-in: a valid session, and on POST the
 * form's CSRF token. A user who must still change their one-time password
 * is sent to the password page from every page not marked
 * @AllowedBeforePasswordChange.
 */
@Injectable()
export class AdminSessionGuard implements CanActivate {
  constructor(private readonly sessions: AdminSessionService, private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AdminHttpRequest>();
    const beforePasswordChange = !!this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_ALLOWED_KEY, [context.getHandler(), context.getClass()]);
    const current = await this.sessions.current(req, { beforePasswordChange });
    if (!current) throw new AdminSignInRequired(req.method === 'GET' ? req.originalUrl : null);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (!this.sessions.csrfOk(current.token, body._csrf)) throw new ForbiddenException('the form has expired or did not come from this site');
    }
    req[ADMIN_ON_REQUEST] = { user: current.user, session: current.token, csrf: this.sessions.csrf(current.token) };
    return true;
  }
}
