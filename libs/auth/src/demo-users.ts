import { EntityManager } from 'typeorm';
import * as argon2 from 'argon2';
import { AuditService } from '@regula/audit';
import { TenantEntity } from '@regula/tenancy';
import { UserEntity } from './user.entity';
import { MembershipEntity } from './membership.entity';
import { TenantRole } from './permissions';

export interface DemoLogin {
  email: string;
  role: TenantRole | 'platform-admin';
  tenant: string;
}

/**
 * Demo staff for `npm start`: a platform admin, and a compliance admin and an
 * auditor per tenant. Idempotent: existing accounts are left as they are.
 * Runs as the schema owner (it writes memberships of every tenant).
 */
export class DemoUsers {
  constructor(private readonly audit: AuditService) {}

  async ensure(em: EntityManager, password: string): Promise<DemoLogin[]> {
    const hash = await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const logins: DemoLogin[] = [{ email: 'platform@regula.demo', role: 'platform-admin', tenant: '(all)' }];
    await this.user(em, 'platform@regula.demo', 'Platform administrator', hash, true);
    for (const t of await em.find(TenantEntity, { order: { slug: 'ASC' } })) {
      for (const role of ['compliance-admin', 'auditor'] as TenantRole[]) {
        const email = `${role === 'auditor' ? 'auditor' : 'admin'}@${t.slug}.demo`;
        const user = await this.user(em, email, `${role === 'auditor' ? 'Auditor' : 'Compliance admin'}, ${t.legalName}`, hash, false);
        const found = await em.findOne(MembershipEntity, { where: { tenantId: t.id, userId: user.id } });
        if (!found) {
          const m = await em.save(em.create(MembershipEntity, { tenantId: t.id, userId: user.id, role, permissions: null, accessUntil: null }));
          await this.audit.append(em, { tenantId: t.id, actorId: null, actor: 'cli: demo seed', action: 'membership.created', targetType: 'membership', targetId: m.id, details: { email, role } });
        }
        logins.push({ email, role, tenant: t.slug });
      }
    }
    return logins;
  }

  private async user(em: EntityManager, email: string, displayName: string, passwordHash: string, isPlatformAdmin: boolean): Promise<UserEntity> {
    const found = await em.findOne(UserEntity, { where: { email } });
    return found ?? em.save(em.create(UserEntity, { email, displayName, passwordHash, isPlatformAdmin, disabledAt: null }));
  }
}
