import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DatabaseBusyError, ForbiddenError, UnauthorizedError } from '@regula/platform';
import type { AuthUser } from './auth-user';
import { PASSWORD_CHANGE_ALLOWED_KEY } from './current-token.decorator';

/**
 * Requires a valid bearer token: 401 otherwise (503 when the database is too
 * busy to check it). A user who must still change
 * their one-time password gets 403 "password change required" everywhere
 * but the routes marked @AllowedBeforePasswordChange.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override handleRequest<T>(err: unknown, user: T, _info: unknown, context: ExecutionContext): T {
    if (err instanceof DatabaseBusyError) throw err; // the token could not be checked in time: 503, not 401
    if (err || !user) throw new UnauthorizedError('a valid bearer token is required');
    if ((user as unknown as AuthUser).mustChangePassword && !this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_ALLOWED_KEY, [context.getHandler(), context.getClass()])) {
      throw new ForbiddenError('password change required');
    }
    return user;
  }
}
