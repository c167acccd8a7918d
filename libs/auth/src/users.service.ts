import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDb } from '@regula/platform';
import { UserEntity } from './user.entity';
import { MembershipEntity } from './membership.entity';
import { AuthUser } from './auth-user';
import { effectivePermissions } from './permissions';

/** Loads staff accounts and their memberships (scoped to the user by RLS). */
@Injectable()
export class UsersService {
  constructor(private readonly db: TenantDb) {}

  findByEmailWithHash(email: string): Promise<UserEntity | null> {
    return this.db.unscoped((em) =>
      em.createQueryBuilder(UserEntity, 'u').addSelect('u.passwordHash').where('u.email = :email', { email: email.trim().toLowerCase() }).getOne(),
    );
  }

  /** The user with their live memberships, or null if unknown or disabled. */
  loadAuthUser(userId: string, now = new Date()): Promise<AuthUser | null> {
    return this.db.forUser(userId, async (em) => {
      const user = await em.findOne(UserEntity, { where: { id: userId } });
      if (!user || user.disabledAt) return null;
      return toAuthUser(user, await this.memberships(em, userId), now);
    });
  }

  /**
   * The holder of an access token issued at `issuedAtMs`, or null if unknown,
   * disabled, or the token predates the account's `tokens_valid_after`
   * (a password change or a sign-out everywhere since).
   */
  loadTokenHolder(userId: string, issuedAtMs: number, now = new Date()): Promise<AuthUser | null> {
    return this.db.forUser(userId, async (em) => {
      const user = await em.findOne(UserEntity, { where: { id: userId } });
      if (!user || user.disabledAt) return null;
      if (user.tokensValidAfter && issuedAtMs < user.tokensValidAfter.getTime()) return null;
      return toAuthUser(user, await this.memberships(em, userId), now);
    });
  }

  /** Refuses every access token of the user issued before `at`. */
  async revokeTokensBefore(userId: string, at: Date): Promise<void> {
    await this.db.unscoped((em) => em.update(UserEntity, { id: userId }, { tokensValidAfter: at }));
  }

  private memberships(em: EntityManager, userId: string): Promise<MembershipEntity[]> {
    return em.find(MembershipEntity, { where: { userId } });
  }
}

function toAuthUser(user: UserEntity, memberships: MembershipEntity[], now: Date): AuthUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    isPlatformAdmin: user.isPlatformAdmin,
    mustChangePassword: user.mustChangePassword,
    memberships: memberships
      .filter((m) => !m.accessUntil || m.accessUntil > now)
      .map((m) => ({ tenantId: m.tenantId, role: m.role, permissions: effectivePermissions(m.role, m.permissions), accessUntil: m.accessUntil })),
  };
}
