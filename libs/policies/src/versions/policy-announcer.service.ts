import { Injectable, Logger } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import type { ControllerDefinition } from '@regula/engine';
import { APP_CONFIG, CommonConfig, TenantDb, publicBaseUrl } from '@regula/platform';
import { AuditService } from '@regula/audit';
import { MailService } from '@regula/mail';
import { PolicyVersionEntity } from './policy-version.entity';

/** Account holders e-mailed per transaction. */
const BATCH = 200;

export interface AnnounceResult {
  sent: number;
  /** Nothing to do: not material, already told everyone, or the tenant does not announce by e-mail. */
  skipped?: string;
}

interface Holder {
  subject_id: string;
  email: string;
  locale: string | null;
}

/**
 * E-mails a material policy change to the tenant's active account holders
 * (data subjects with an e-mail address and a live record in the tenant's
 * account registers), each in their language where the policy has it. One
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
        const holders: Holder[] = await em.query(
          `SELECT s.id AS subject_id, min(i.value) AS email, s.locale
             FROM data_subjects s
             JOIN subject_identifiers i ON i.subject_id = s.id AND i.kind = 'email'
            WHERE s.tenant_id = $1 AND s.erased_at IS NULL
              AND EXISTS (SELECT 1 FROM personal_data_records r
                           WHERE r.subject_id = s.id AND r.erased_at IS NULL
                             AND ($3::text[] IS NULL OR r.register_key = ANY($3::text[])))
              AND NOT EXISTS (SELECT 1 FROM policy_announcements a WHERE a.version_id = $2 AND a.subject_id = s.id)
            GROUP BY s.id, s.locale
            ORDER BY s.id
            LIMIT ${BATCH}`,
          [tenantId, versionId, registers],
        );
        for (const h of holders) {
          const lang = h.locale && version.languages.includes(h.locale) ? h.locale : defaultLanguage(version.languages);
          const email = await this.mail.send(em, {
            tenantId,
            to: h.email,
            template: 'policy-changed',
            locale: lang,
            data: {
              accountHolder: true,
              number: version.number,
              effectiveDate: version.effectiveDate,
              changeSummary: version.changeSummary,
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

/** The tenant's own language before English (the policy's languages are English plus the tenant's). */
function defaultLanguage(languages: string[]): string {
  return languages.find((l) => l !== 'en') ?? 'en';
}
