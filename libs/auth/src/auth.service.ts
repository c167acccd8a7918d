import { HttpException, HttpStatus, Injectable, UnauthorizedException, BadRequestException } from '@nestjs/common';
import { AuditService } from '@regula/audit';
import { TenantDb } from '@regula/platform';
import { UserEntity } from './user.entity';
import { AccessTokens } from './access-tokens.service';
import { AccessTokenClaims, AuthUser } from './auth-user';
import { LoginRateLimiter } from './login-rate-limiter.service';
import { PasswordService, passwordProblem } from './password.service';
import { UsersService } from './users.service';

export class TooManyAttemptsException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super({ statusCode: 429, error: 'Too Many Requests', message: 'too many sign-in attempts; try again later' }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/** Staff sign-in and sign-out: argon2 passwords, rate limits by IP and e-mail, revocable JWT access tokens, audited. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly limiter: LoginRateLimiter,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; tokenType: 'Bearer'; user: AuthUser }> {
    const verdict = await this.limiter.attempt(ip, email);
    if (!verdict.allowed) throw new TooManyAttemptsException(verdict.retryAfterSeconds);
    const user = await this.users.findByEmailWithHash(email);
    const ok = await this.passwords.verify(user && !user.disabledAt ? user.passwordHash : null, password);
    const authUser = ok && user ? await this.users.loadAuthUser(user.id) : null;
    if (!authUser) {
      await this.limiter.failed(ip, email);
      await this.db.forPlatform((em) =>
        this.audit.append(em, { tenantId: null, actorId: null, actor: 'anonymous', action: 'auth.login-failed', details: { email: email.trim().toLowerCase() }, ip }),
      );
      // One message for unknown e-mail, wrong password and disabled account.
      throw new UnauthorizedException('invalid e-mail or password');
    }
    await this.limiter.succeeded(ip, email);
    await this.recordForUser(authUser, 'auth.login', ip);
    return { accessToken: await this.tokens.issue(authUser.id), tokenType: 'Bearer', user: authUser };
  }

  /** Signs one token out (it is refused until it expires), audited `auth.logout`. */
  async logout(user: AuthUser, token: AccessTokenClaims, ip: string): Promise<void> {
    await this.tokens.revoke(token);
    await this.recordForUser(user, 'auth.logout', ip);
  }

  /** Refuses every token of the user issued until now, audited `auth.logout` with `everywhere`. */
  async logoutEverywhere(user: AuthUser, ip: string): Promise<void> {
    await this.users.revokeTokensBefore(user.id, new Date());
    await this.recordForUser(user, 'auth.logout', ip, { everywhere: true });
  }

  /**
   * Changes the own password: clears the forced change of an invited account
   * and refuses every token issued before (all sessions, on every device).
   * Returns a new token issued at that instant, for the session that made
   * the change (the dashboard keeps its browser signed in with it).
   */
  async changePassword(user: AuthUser, current: string, next: string, ip: string): Promise<{ accessToken: string }> {
    const problem = passwordProblem(next);
    if (problem) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [`newPassword ${problem}`] });
    const stored = await this.users.findByEmailWithHash(user.email);
    if (!stored || !(await this.passwords.verify(stored.passwordHash, current))) throw new UnauthorizedException('current password is wrong');
    const hash = await this.passwords.hash(next);
    const at = new Date();
    await this.db.unscoped((em) => em.update(UserEntity, { id: user.id }, { passwordHash: hash, mustChangePassword: false, tokensValidAfter: at }));
    await this.recordForUser(user, 'auth.password-changed', ip);
    return { accessToken: await this.tokens.issue(user.id, at) };
  }

  /** Audits a user's own action in every tenant they belong to (and the platform chain for platform admins). */
  private async recordForUser(user: AuthUser, action: string, ip: string, details?: Record<string, unknown>): Promise<void> {
    const actor = user.email;
    for (const m of user.memberships) {
      await this.db.forTenant(m.tenantId, (em) =>
        this.audit.append(em, { tenantId: m.tenantId, actorId: user.id, actor, action, targetType: 'user', targetId: user.id, details, ip }),
      );
    }
    if (user.isPlatformAdmin || user.memberships.length === 0) {
      await this.db.forPlatform((em) => this.audit.append(em, { tenantId: null, actorId: user.id, actor, action, targetType: 'user', targetId: user.id, details, ip }));
    }
  }
}
