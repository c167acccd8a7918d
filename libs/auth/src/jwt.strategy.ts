import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, ApiConfig } from '@regula/platform';
import { AuthUser, JwtPayload } from './auth-user';
import { UsersService } from './users.service';

/** Bearer tokens; the user and memberships are reloaded on every request, so revocation is immediate. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(@Inject(APP_CONFIG) cfg: ApiConfig, private readonly users: UsersService) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, secretOrKey: cfg.JWT_SECRET, algorithms: ['HS256'] });
  }

  async validate(payload: JwtPayload): Promise<AuthUser> {
    if (payload.typ !== 'access' || typeof payload.sub !== 'string') throw new UnauthorizedException();
    const user = await this.users.loadAuthUser(payload.sub).catch(() => null);
    if (!user) throw new UnauthorizedException();
    return user;
  }
}
