import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { AccessTokenClaims } from './auth-user';

export const ACCESS_TOKEN_ON_REQUEST = Symbol('regula.access-token');
export type AuthenticatedRequest = Request & { [ACCESS_TOKEN_ON_REQUEST]?: AccessTokenClaims };

/** The claims of the bearer token the request was authenticated with (after JwtAuthGuard). */
export const CurrentToken = createParamDecorator((_: unknown, ctx: ExecutionContext): AccessTokenClaims => {
  const token = ctx.switchToHttp().getRequest<AuthenticatedRequest>()[ACCESS_TOKEN_ON_REQUEST];
  if (!token) throw new Error('CurrentToken on a route without JwtAuthGuard');
  return token;
});

export const PASSWORD_CHANGE_ALLOWED_KEY = 'regula:password-change-allowed';

/**
 * Marks a route that a user who must still change their one-time password may
 * use (their account, the password change, sign-out). Every other route
 * refuses them: 403 in the API, a redirect to the password page in the dashboard.
 */
export const AllowedBeforePasswordChange = () => SetMetadata(PASSWORD_CHANGE_ALLOWED_KEY, true);
