import { Injectable, Logger } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import type { ControllerDefinition } from '@regula/engine';
import { APP_CONFIG, CommonConfig, TenantDb, publicBaseUrl } from '@regula/platform';
import { AuditService } from '@regula/audit';
import { MailService } from '@regula/mail';
import { PolicyVersionEntity } from './policy-version.entity';
import { accountHoldersToTell, announcementLanguage } from './account-holders.query';
import { summaryIn } from './change-summary';

/** Account holders e-mailed per transaction. */
const BATCH = 200;

export interface AnnounceResult {
  sent: number;
  /** Nothing to do: not material, already told everyone, or the tenant does not announce by e-mail. */
  skipped?: string;
}

/**
 * E-mails a material policy change to the tenant's active account holders
 * (data subjects with an e-mail address and a live record in the tenant's
 * account registers), each in their language where the policy has it, with
 * the change summary written in that language. One
 * `policy_announcements` row per person and version, written in the same
 * transaction as the e-mail: a crash or a second run never e-mails anyone
 * twice, and a rerun picks up where the last one stopped.
 */
@Injectable()
export class PolicyAnnouncerService {
  private readonly logger = new Logger('policy-announcer');

  constructor(
    private readonly db: TenantDb,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly cfg: CommonConfig & { PORT?: number },
  ) {}

  async announce(tenantId: string, versionId: string): Promise<AnnounceResult> {
    const version = await this.db.forTenant(tenantId, (em) => em.findOne(PolicyVersionEntity, { where: { tenantId, id: versionId } }));
    if (!version || version.status !== 'published') return { sent: 0, skipped: 'no such published version' };
    if (!version.material) return { sent: 0, skipped: 'not a material change' };
    const def = version.definition as unknown as ControllerDefinition;
    if (!(def.policyChanges?.channels ?? []).includes('e-mail')) return { sent: 0, skipped: 'the tenant does not announce changes by e-mail' };
    const registers = def.policyChanges.accountRegisters ?? null;
    const base = publicBaseUrl(this.cfg);
    const slug = encodeURIComponent(def.slug);

    let sent = 0;
    for (;;) {
      const batch = await this.db.forTenant(tenantId, async (em) => {
        const holders = await accountHoldersToTell(em, tenantId, registers, versionId, BATCH);
        for (const h of holders) {
          const lang = announcementLanguage(h.locale, version.languages);
          const email = await this.mail.send(em, {
            tenantId,
            to: h.email,
            template: 'policy-changed',
            locale: lang,
            data: {
              accountHolder: true,
              number: version.number,
              effectiveDate: version.effectiveDate,
              changeSummary: summaryIn(version.changeSummary, lang),
              policyUrl: `${base}/t/${slug}/privacy?lang=${lang}`,
              diffUrl: `${base}/t/${slug}/privacy/diff?from=${(version.number ?? 1) - 1}&to=${version.number}&lang=${lang}`,
              archiveUrl: `${base}/t/${slug}/privacy/versions?lang=${lang}`,
            },
          });
          await em.query(`INSERT INTO policy_announcements (tenant_id, version_id, subject_id, email_id) VALUES ($1, $2, $3, $4)`, [tenantId, versionId, h.subject_id, email.id]);
        }
        if (holders.length) {
          await this.audit.append(em, {
            tenantId,
            actorId: null,
            actor: 'worker: policy announcement',
            action: 'policy.announced',
            targetType: 'policy-version',
            targetId: versionId,
            details: { number: version.number, emails: holders.length },
          });
        }
        return holders.length;
      });
      sent += batch;
      if (batch < BATCH) break;
    }
    this.logger.log(`policy version ${version.number} of tenant ${tenantId}: ${sent} account holder(s) e-mailed`);
    return { sent };
  }
}
