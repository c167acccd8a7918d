import { Inject, Injectable, Optional } from '@nestjs/common';
import { AuditChainJobs, AuditHeadsMailer, AuditService } from '@regula/audit';
import { CLOCK, Clock, TenantDb, systemClock } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { MailService } from './mail.service';

/**
 * The daily e-mail to the platform admins with every chain's verdict and
 * signed head: a copy of the checkpoints in mailboxes the database owner does
 * not control. The platform has no language of its own: the e-mail is written
 * in English (the template exists in every language Regula writes). Sent once
 * per admin and day: a retry skips those already written. It lives in mail, not
 * in audit, because mail audits who reads the outbox (it imports audit): audit
 * importing mail back would be a cycle.
 */
@Injectable()
export class AuditHeadsMail implements AuditHeadsMailer {
  constructor(
    private readonly db: TenantDb,
    private readonly jobs: AuditChainJobs,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async send(): Promise<{ chains: number; broken: number; recipients: number }> {
    const heads = await this.jobs.publishAll();
    const now = this.clock();
    const day = now.toISOString().slice(0, 10);
    const dayStart = new Date(`${day}T00:00:00.000Z`);
    return this.db.forPlatform(async (em) => {
      const names = new Map((await em.find(TenantEntity, { select: { id: true, legalName: true, slug: true } })).map((t) => [t.id, `${t.legalName} (${t.slug})`]));
      const chains = heads.map((h) => ({
        platform: h.tenantId === null,
        name: h.tenantId === null ? '' : (names.get(h.tenantId) ?? h.tenantId),
        ok: h.verdict.ok,
        entries: h.verdict.entries,
        brokenAt: h.verdict.ok ? null : h.verdict.brokenAt,
        checkpoint: h.checkpoint,
      }));
      const broken = chains.filter((c) => !c.ok).length;
      const admins: { email: string }[] = await em.query(
        `SELECT u.email FROM users u WHERE u.is_platform_admin AND u.disabled_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM outbox_emails o WHERE o.tenant_id IS NULL AND o.template = 'audit-chain-heads' AND o.to_address = u.email AND o.created_at >= $1)
         ORDER BY u.email`,
        [dayStart],
      );
      for (const a of admins) {
        await this.mail.sendToPlatformAdmin(em, { to: a.email, template: 'audit-chain-heads', locale: 'en', data: { day, total: chains.length, brokenCount: broken, chains } });
      }
      if (admins.length) {
        await this.audit.append(em, {
          tenantId: null, actorId: null, actor: 'worker: audit chain heads', action: 'audit.heads-mailed',
          details: { day, recipients: admins.length, chains: chains.map((c) => ({ chain: c.platform ? 'platform' : c.name, ok: c.ok, seq: c.checkpoint?.seq ?? null, hash: c.checkpoint?.hash ?? null })) },
        });
      }
      return { chains: chains.length, broken, recipients: admins.length };
    });
  }
}
