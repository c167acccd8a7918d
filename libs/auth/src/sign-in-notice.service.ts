import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@regula/audit';
import { APP_CONFIG, ApiConfig, TenantDb, publicBaseUrl } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { MailSecrets, MailService, brandingOf } from '@regula/mail';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';
import { SIGN_IN_LINK_TTL_SECONDS } from './sign-in-links.service';
import { SIGN_IN_LINK_SECRET } from './sign-in-link-secret.module';

/**
 * Tells an account by e-mail that its sign-ins are being slowed down (someone
 * typed wrong passwords N times), with a one-time sign-in link that skips the
 * wait. The e-mail goes through the outbox of the tenant of the account's
 * oldest live membership, in that tenant's first language (as the breach
 * clock's e-mails to compliance admins), audited in that tenant as
 * `auth.sign-in-link-sent`. An account without a tenant (a platform admin)
 * gets it as a platform e-mail, audited on the platform chain.
 */
@Injectable()
export class SignInNotice {
  private readonly logger = new Logger('sign-in');

  constructor(
    private readonly db: TenantDb,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly cfg: ApiConfig,
  ) {}

  /** Sends the notice for the account of `email` (nothing for an unknown or disabled one). */
  async send(email: string, failures: number, maxSeconds: number, ip: string): Promise<void> {
    const address = email.trim().toLowerCase();
    const user = await this.db.unscoped((em) => em.findOne(UserEntity, { where: { email: address } }));
    if (!user || user.disabledAt) return;
    const tenantId = await this.db.forUser(user.id, async (em) => {
      const m = await em
        .createQueryBuilder(MembershipEntity, 'm')
        .where('m.user_id = :u', { u: user.id })
        .andWhere('(m.access_until IS NULL OR m.access_until > now())')
        .orderBy('m.created_at', 'ASC')
        .getOne();
      return m?.tenantId ?? null;
    });
    const details = { failures };
    const data = (link: string) => ({
      email: user.email, failures, maxMinutes: Math.ceil(maxSeconds / 60), linkMinutes: SIGN_IN_LINK_TTL_SECONDS / 60, link, staffAccount: true,
    });
    // The token is minted by the mail worker when it sends the e-mail (SignInLinkSecret): the outbox never holds it.
    const secrets = new MailSecrets();
    const link = `${publicBaseUrl(this.cfg)}/admin/login?link=${secrets.placeholder(SIGN_IN_LINK_SECRET)}`;
    if (!tenantId) {
      // A platform admin: a platform e-mail (no tenant), in English, the language of the platform's own pages.
      await this.db.forPlatform(async (em) => {
        await this.mail.sendToPlatformAdmin(em, { to: user.email, template: 'sign-in-attempts', locale: 'en', data: data(link), secrets });
        await this.audit.append(em, {
          tenantId: null, actorId: null, actor: 'system: sign-in limits', action: 'auth.sign-in-link-sent', targetType: 'user', targetId: user.id, details: { ...details, notified: true }, ip,
        });
      });
      return;
    }
    await this.db.forTenant(tenantId, async (em) => {
      const tenant = await em.findOneOrFail(TenantEntity, { where: { id: tenantId } });
      const locale = brandingOf(tenant).languages[0] ?? 'en';
      await this.mail.send(em, {
        tenantId,
        to: user.email,
        template: 'sign-in-attempts',
        locale,
        data: data(link),
        secrets,
      });
      await this.audit.append(em, {
        tenantId, actorId: null, actor: 'system: sign-in limits', action: 'auth.sign-in-link-sent', targetType: 'user', targetId: user.id, details: { ...details, notified: true }, ip,
      });
    });
  }
}
