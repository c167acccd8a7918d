import { Injectable, Logger } from '@nestjs/common';
import { AuditAction, AuditService } from '@regula/audit';
import { InvalidInputError, TenantDb, TooManyRequestsError, UnauthorizedError } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { UserEntity } from './user.entity';
import { AccessTokens } from './access-tokens.service';
import { AccessTokenClaims, AuthUser } from './auth-user';
import { PasswordService } from './password.service';
import { PasswordProblem, passwordProblem, passwordProblemText } from './password-rules';
import { noticeDue } from './sign-in-backoff';
import { SignInLinks } from './sign-in-links.service';
import { SignInNotice } from './sign-in-notice.service';
import { Reservation, SignInThrottle } from './sign-in-throttle.service';
import { UsersService } from './users.service';

/** 429: too many sign-in attempts from this address or for this account; `retryAfterSeconds` for Retry-After. */
export class TooManyAttemptsError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super('too many sign-in attempts; try again later', retryAfterSeconds);
  }
}

/** A sign-in link that is unknown, expired, already used or another account's: 401, nothing else is checked. */
export class SignInLinkInvalidError extends UnauthorizedError {
  constructor() {
    super('the sign-in link is not valid (used, expired or unknown)');
  }
}

/** A new password the rules refuse: 400 naming the field, with the reason's code for the dashboard's own texts. */
export class WeakPasswordError extends InvalidInputError {
  constructor(readonly reason: PasswordProblem) {
    super([`newPassword ${passwordProblemText(reason)}`], { field: 'newPassword', reason });
  }
}

/**
 * Staff sign-in and sign-out: argon2 passwords, limits per IP address and a
 * per-account backoff reserved before argon2 runs (SignInThrottle), a
 * one-time sign-in link by e-mail past the backoff, revocable JWT access
 * tokens, audited.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly throttle: SignInThrottle,
    private readonly links: SignInLinks,
    private readonly notice: SignInNotice,
    private readonly tokens: AccessTokens,
    private readonly audit: AuditService,
    private readonly db: TenantDb,
  ) {}

  /**
   * Signs in with the password; with `signInLink` (from the e-mail sent when
   * the account's backoff started) the backoff is skipped once: the link is
   * taken on this attempt whatever its outcome, and the password still counts.
   */
  async login(email: string, password: string, ip: string, signInLink?: string): Promise<{ accessToken: string; tokenType: 'Bearer'; user: AuthUser }> {
    const byIp = await this.throttle.ip(ip);
    if (byIp) throw new TooManyAttemptsError(byIp.retryAfterSeconds);
    const user = await this.users.findByEmailWithHash(email);
    let attempt: Reservation;
    if (signInLink !== undefined) {
      const holder = await this.links.consume(signInLink);
      if (!holder || holder !== user?.id) {
        await this.failedAudit(email, ip, { signInLink: 'invalid' });
        throw new SignInLinkInvalidError();
      }
      attempt = this.throttle.bypass(email);
    } else {
      const reserved = await this.throttle.reserve(email);
      if (!reserved.allowed) throw new TooManyAttemptsError(reserved.retryAfterSeconds);
      attempt = reserved;
    }
    const ok = await this.passwords.verify(user && !user.disabledAt ? user.passwordHash : null, password);
    const authUser = ok && user ? await this.users.loadAuthUser(user.id) : null;
    if (!authUser) {
      await this.failed(attempt, email, ip, signInLink !== undefined ? { signInLink: 'used' } : undefined);
      // One message for unknown e-mail, wrong password and disabled account.
      throw new UnauthorizedError('invalid e-mail or password');
    }
    await attempt.succeeded();
    await this.recordForUser(authUser, 'auth.login', ip, signInLink !== undefined ? { signInLink: true } : undefined);
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
   * Guesses of the current password go through the account's sign-in backoff
   * (a stolen session cannot try passwords faster than a sign-in could).
   */
  async changePassword(user: AuthUser, current: string, next: string, ip: string): Promise<{ accessToken: string }> {
    const problem = passwordProblem(next, { email: user.email, displayName: user.displayName, tenantNames: await this.tenantNames(user), currentPassword: current });
    if (problem) throw new WeakPasswordError(problem);
    const attempt = await this.throttle.reserve(user.email);
    if (!attempt.allowed) throw new TooManyAttemptsError(attempt.retryAfterSeconds);
    const stored = await this.users.findByEmailWithHash(user.email);
    if (!stored || !(await this.passwords.verify(stored.passwordHash, current))) {
      await this.failed(attempt, user.email, ip, { passwordChange: true });
      throw new UnauthorizedError('current password is wrong');
    }
    await attempt.succeeded();
    const hash = await this.passwords.hash(next);
    const at = new Date();
    await this.db.unscoped((em) => em.update(UserEntity, { id: user.id }, { passwordHash: hash, mustChangePassword: false, tokensValidAfter: at }));
    await this.recordForUser(user, 'auth.password-changed', ip);
    return { accessToken: await this.tokens.issue(user.id, at) };
  }

  /** Counts a failure, audits it, and tells the account when its backoff starts (and each time the failures double). */
  private async failed(attempt: Reservation, email: string, ip: string, details?: Record<string, unknown>): Promise<void> {
    const failures = await attempt.failed();
    await this.failedAudit(email, ip, details);
    if (!noticeDue(failures, this.throttle.policy.free)) return;
    // The failure is counted and audited already: a notice that cannot be written must not turn the 401 into a 500.
    await this.notice.send(email, failures, this.throttle.policy.maxSeconds, ip).catch((e: unknown) => this.logger.error(`sign-in notice not written: ${e instanceof Error ? e.message : String(e)}`));
  }

  private failedAudit(email: string, ip: string, details?: Record<string, unknown>): Promise<unknown> {
    return this.db.forPlatform((em) =>
      this.audit.append(em, { tenantId: null, actorId: null, actor: 'anonymous', action: 'auth.login-failed', details: { email: email.trim().toLowerCase(), ...details }, ip }),
    );
  }

  /** Names of the user's organisations (legal name, brand, slug): words a password must not be built from. */
  private async tenantNames(user: AuthUser): Promise<string[]> {
    const ids = user.memberships.map((m) => m.tenantId);
    if (!ids.length) return [];
    const tenants = await this.db.unscoped((em) => em.createQueryBuilder(TenantEntity, 't').where('t.id IN (:...ids)', { ids }).getMany());
    return tenants.flatMap((t) => {
      const def = t.definition as { brand?: string; branding?: { displayName?: string } };
      return [t.legalName, t.slug, def.brand, def.branding?.displayName].filter((n): n is string => !!n);
    });
  }

  /** Audits a user's own action in every tenant they belong to (and the platform chain for platform admins). */
  private async recordForUser(user: AuthUser, action: AuditAction, ip: string, details?: Record<string, unknown>): Promise<void> {
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
