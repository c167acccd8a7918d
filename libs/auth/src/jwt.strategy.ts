import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { ApiConfig, APP_CONFIG, UnauthorizedError } from '@regula/platform';
import { AccessTokens } from './access-tokens.service';
import { AuthUser, JwtPayload } from './auth-user';
import { ACCESS_TOKEN_ON_REQUEST, AuthenticatedRequest } from './current-token.decorator';

/**
 * Bearer tokens: passport-jwt checks the signature and expiry, AccessTokens
 * the denylist and the user's `tokens_valid_after`; the user and memberships
 * are reloaded on every request, so revocation is immediate.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(@Inject(APP_CONFIG) cfg: ApiConfig, private readonly tokens: AccessTokens) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, secretOrKey: cfg.JWT_SECRET, algorithms: ['HS256'], passReqToCallback: true });
  }

  async validate(req: Request, payload: JwtPayload): Promise<AuthUser> {
    const signedIn = await this.tokens.authenticate(payload);
    if (!signedIn) throw new UnauthorizedError();
    (req as AuthenticatedRequest)[ACCESS_TOKEN_ON_REQUEST] = signedIn.token;
    return signedIn.user;
  }
}
