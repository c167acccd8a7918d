import { Inject, Injectable, Optional } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { CLOCK, Clock, DatabaseBusyError, systemClock } from '@regula/platform';
import { AccessTokenClaims, AuthUser, JwtPayload, SignedIn } from './auth-user';
import { TokenDenylist } from './token-denylist.service';
import { UsersService } from './users.service';

const JTI = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Access tokens (HS256 JWTs) for the REST API, the dashboard and the queue
 * board alike. Every token has an id (`jti`) and its issue time in
 * milliseconds. A token is accepted while it is signed, unexpired, not on
 * the denylist (signed out) and not older than its user's
 * `tokens_valid_after` (password changed, signed out everywhere); the user
 * and memberships are reloaded on every request. Issue and expiry are measured
 * against the injected `CLOCK` (the system clock unless a test provides one).
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly denylist: TokenDenylist,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /**
   * A new token for the user, issued at `at` (a password change issues the browser's new one at the instant older ones died).
   * `tenantId`: a session from that tenant's single sign-on, which opens only that tenant (its identity provider vouches for nothing else).
   */
  issue(userId: string, at = this.clock(), opts: { tenantId?: string } = {}): Promise<string> {
    const payload: JwtPayload = { sub: userId, typ: 'access', jti: randomUUID(), iat: at.getTime() / 1000, ...(opts.tenantId ? { tnt: opts.tenantId } : {}) };
    return this.jwt.signAsync(payload);
  }

  /** The claims of a correctly signed, unexpired access token (revocation not checked), or null. */
  async claimsOf(token: string): Promise<(AccessTokenClaims & { sub: string }) | null> {
    try {
      const payload = await this.jwt.verifyAsync<JwtPayload>(token, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock().getTime() / 1000),
      });
      return claims(payload);
    } catch {
      return null;
    }
  }

  /** The signed-in user of a token, or null (bad signature, expired, revoked, user gone or disabled); DatabaseBusyError when it cannot be checked in time. */
  async verify(token: string): Promise<SignedIn | null> {
    const c = await this.claimsOf(token);
    return c ? this.holder(c) : null;
  }

  /** As `verify`, for a payload whose signature and expiry were already checked (passport-jwt). */
  async authenticate(payload: JwtPayload): Promise<SignedIn | null> {
    const c = claims(payload);
    return c ? this.holder(c) : null;
  }

  /** Signs one token out: refused until it expires. */
  revoke(token: AccessTokenClaims): Promise<void> {
    return this.denylist.add(token.jti, token.exp);
  }

  private async holder(c: AccessTokenClaims & { sub: string }): Promise<SignedIn | null> {
    try {
      if (await this.denylist.has(c.jti)) return null;
      const holder = await this.users.loadTokenHolder(c.sub, c.issuedAt);
      const user = holder && c.tenantId ? ssoScoped(holder, c.tenantId) : holder;
      return user ? { user, token: { jti: c.jti, issuedAt: c.issuedAt, exp: c.exp, ...(c.tenantId ? { tenantId: c.tenantId } : {}) } } : null;
    } catch (e) {
      // A busy pool says nothing about the token: 503 (try again), not 401 or the sign-in page.
      if (e instanceof DatabaseBusyError) throw e;
      return null;
    }
  }
}

function claims(p: JwtPayload): (AccessTokenClaims & { sub: string }) | null {
  if (!p || p.typ !== 'access' || typeof p.sub !== 'string' || typeof p.jti !== 'string' || !JTI.test(p.jti)) return null;
  if (typeof p.iat !== 'number' || typeof p.exp !== 'number') return null;
  if (p.tnt !== undefined && (typeof p.tnt !== 'string' || !JTI.test(p.tnt))) return null;
  return { sub: p.sub, jti: p.jti, issuedAt: Math.round(p.iat * 1000), exp: p.exp, ...(p.tnt ? { tenantId: p.tnt } : {}) };
}

/** The holder of a single sign-on session: the one tenant's membership, no platform rights; null once that membership is gone. */
function ssoScoped(user: AuthUser, tenantId: string): AuthUser | null {
  const memberships = user.memberships.filter((m) => m.tenantId === tenantId);
  return memberships.length ? { ...user, isPlatformAdmin: false, memberships } : null;
}
