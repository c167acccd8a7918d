import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '@regula/audit';
import { NotFoundError, TenantDb } from '@regula/platform';
import { MembershipEntity } from './membership.entity';
import { AlreadyMemberError, LastAdminError, MembershipTerms, canManage, checkedEmail, checkedTerms } from './membership-rules';
import { PasswordService } from './password.service';
import { Permission, TenantRole, effectivePermissions } from './permissions';
import { UserEntity } from './user.entity';

/** Who changes a membership, for the audit log. */
export interface MembershipActor {
  userId: string | null;
  /** "admin@x (compliance-admin)". */
  label: string;
  ip?: string;
}

/** A member of a tenant as the dashboard (and later the REST API) shows it. */
export interface MemberView {
  userId: string;
  membershipId: string;
  email: string;
  displayName: string;
  role: TenantRole;
  /** The gates as stored (null: the role's permissions). */
  gates: Permission[] | null;
  /** What the member may do: the gates within the role, never a write permission for an auditor. */
  permissions: Permission[];
  accessUntil: Date | null;
  /** False once the access end has passed or the account is disabled. */
  active: boolean;
  since: Date;
  /** The member's last sign-in audited in this tenant's chain. */
  lastSignInAt: Date | null;
}

export interface InviteResult {
  member: MemberView;
  userCreated: boolean;
  /** Only for a new account: shown once to the inviting admin, stored only as its argon2 hash. */
  oneTimePassword?: string;
}

/**
 * The members of a tenant: list, invite (a new account with a one-time
 * password, or a membership for an existing one), change role, gates and
 * access end, revoke. Every change is audited in the tenant's chain in the
 * same transaction. The tenant always keeps a compliance admin who can manage
 * its users (LastAdminError otherwise). Ids are looked up with the tenant
 * id, so another tenant's user is a 404.
 */
@Injectable()
export class MembershipsService {
  constructor(private readonly db: TenantDb, private readonly audit: AuditService, private readonly passwords: PasswordService) {}

  list(tenantId: string, now = new Date()): Promise<MemberView[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows = await em.find(MembershipEntity, { where: { tenantId }, order: { createdAt: 'ASC' } });
      return this.views(em, tenantId, rows, now);
    });
  }

  get(tenantId: string, userId: string, now = new Date()): Promise<MemberView> {
    return this.db.forTenant(tenantId, async (em) => {
      const [view] = await this.views(em, tenantId, [await this.membership(em, tenantId, userId)], now);
      return view;
    });
  }

  async invite(tenantId: string, actor: MembershipActor, input: { email: unknown; role: unknown; gates: unknown; accessUntil: Date | null }, now = new Date()): Promise<InviteResult> {
    const email = checkedEmail(input.email);
    const terms = checkedTerms(input, now);
    const password = randomBytes(18).toString('base64url');
    // Hashed before the transaction (argon2 takes a moment); used only when the account is new.
    const hash = await this.passwords.hash(password);
    return this.db.forTenant(tenantId, async (em) => {
      let user = await em.findOne(UserEntity, { where: { email } });
      const userCreated = !user;
      if (!user) {
        // The one-time password must be replaced at the first sign-in (mustChangePassword).
        user = await em.save(em.create(UserEntity, { email, displayName: email, passwordHash: hash, isPlatformAdmin: false, disabledAt: null, mustChangePassword: true }));
        await this.audit.append(em, { tenantId, actorId: actor.userId, actor: actor.label, action: 'user.created', targetType: 'user', targetId: user.id, details: { email }, ip: actor.ip });
      } else if (await em.findOne(MembershipEntity, { where: { tenantId, userId: user.id } })) {
        throw new AlreadyMemberError();
      }
      const m = await em.save(em.create(MembershipEntity, { tenantId, userId: user.id, role: terms.role, permissions: terms.gates, accessUntil: terms.accessUntil }));
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'membership.created', targetType: 'membership', targetId: m.id,
        details: { email, userId: user.id, userCreated, ...described(terms) }, ip: actor.ip,
      });
      const [member] = await this.views(em, tenantId, [m], now);
      return { member, userCreated, ...(userCreated ? { oneTimePassword: password } : {}) };
    });
  }

  async change(tenantId: string, actor: MembershipActor, userId: string, input: { role: unknown; gates: unknown; accessUntil: Date | null }, now = new Date()): Promise<MemberView> {
    const terms = checkedTerms(input, now);
    return this.db.forTenant(tenantId, async (em) => {
      const m = await this.membership(em, tenantId, userId);
      await this.keepAnAdmin(em, tenantId, m, terms, now);
      const before = described(termsOf(m));
      m.role = terms.role;
      m.permissions = terms.gates;
      m.accessUntil = terms.accessUntil;
      await em.save(m);
      const [member] = await this.views(em, tenantId, [m], now);
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'membership.updated', targetType: 'membership', targetId: m.id,
        details: { email: member.email, userId, before, after: described(terms) }, ip: actor.ip,
      });
      return member;
    });
  }

  async revoke(tenantId: string, actor: MembershipActor, userId: string, now = new Date()): Promise<void> {
    await this.db.forTenant(tenantId, async (em) => {
      const m = await this.membership(em, tenantId, userId);
      await this.keepAnAdmin(em, tenantId, m, null, now);
      const [member] = await this.views(em, tenantId, [m], now);
      await em.delete(MembershipEntity, { id: m.id, tenantId });
      await this.audit.append(em, {
        tenantId, actorId: actor.userId, actor: actor.label, action: 'membership.revoked', targetType: 'membership', targetId: m.id,
        details: { email: member.email, userId, ...described(termsOf(m)) }, ip: actor.ip,
      });
    });
  }

  private async membership(em: EntityManager, tenantId: string, userId: string): Promise<MembershipEntity> {
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const m = UUID.test(userId) ? await em.findOne(MembershipEntity, { where: { tenantId, userId } }) : null;
    if (!m) throw new NotFoundError('no such member');
    return m;
  }

  /** Refuses a change (null: revocation) that would leave no compliance admin able to manage users. Locks the admins' rows. */
  private async keepAnAdmin(em: EntityManager, tenantId: string, target: MembershipEntity, next: MembershipTerms | null, now: Date): Promise<void> {
    if (!canManage(termsOf(target), now) || (next && canManage(next, now))) return;
    const admins = await em
      .createQueryBuilder(MembershipEntity, 'm')
      .setLock('pessimistic_write')
      .where('m.tenant_id = :tenantId AND m.role = :role', { tenantId, role: 'compliance-admin' })
      .getMany();
    const others = admins.filter((a) => a.id !== target.id && canManage(termsOf(a), now));
    if (others.length === 0) throw new LastAdminError();
  }

  private async views(em: EntityManager, tenantId: string, rows: MembershipEntity[], now: Date): Promise<MemberView[]> {
    const ids = rows.map((r) => r.userId);
    if (!ids.length) return [];
    const users = new Map((await em.find(UserEntity, { where: { id: In(ids) } })).map((u) => [u.id, u]));
    const signIns: { actor_id: string; at: Date }[] = await em.query(
      `SELECT actor_id, max(at) AS at FROM audit_log WHERE tenant_id = $1 AND action = 'auth.login' AND actor_id = ANY($2::uuid[]) GROUP BY actor_id`,
      [tenantId, ids],
    );
    const last = new Map(signIns.map((s) => [s.actor_id, new Date(s.at)]));
    return rows.map((m) => {
      const u = users.get(m.userId);
      return {
        userId: m.userId,
        membershipId: m.id,
        email: u?.email ?? '',
        displayName: u?.displayName ?? '',
        role: m.role,
        gates: m.permissions,
        permissions: effectivePermissions(m.role, m.permissions),
        accessUntil: m.accessUntil,
        active: !!u && !u.disabledAt && (!m.accessUntil || m.accessUntil > now),
        since: m.createdAt,
        lastSignInAt: last.get(m.userId) ?? null,
      };
    });
  }
}

function termsOf(m: MembershipEntity): MembershipTerms {
  return { role: m.role, gates: m.permissions, accessUntil: m.accessUntil };
}

function described(t: MembershipTerms): Record<string, unknown> {
  return { role: t.role, permissions: t.gates, accessUntil: t.accessUntil ? t.accessUntil.toISOString() : null };
}
