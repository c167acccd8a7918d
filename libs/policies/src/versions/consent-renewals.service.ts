import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WebhookOutboxService } from '@regula/ingest';
import { PolicyConflictError } from './policy-errors';

interface RenewedConsent {
  id: string;
  source_system_id: string | null;
  external_id: string | null;
  register_key: string;
  purpose_id: string;
}

/** Consents in force, not yet marked, for one of the purposes `$2`, given under another version than `$3`. */
const TO_RENEW = `tenant_id = $1 AND withdrawn_at IS NULL AND renewal_required_at IS NULL
  AND (register_key || '/' || purpose_id) = ANY($2::text[])
  AND (policy_version IS NULL OR policy_version <> $3::text)`;

/** Consents to ask again after a policy version changed their purpose's text. */
@Injectable()
export class ConsentRenewals {
  /** Absent in the command line, which publishes only first versions (no consent to renew). */
  constructor(@Optional() private readonly webhooks?: WebhookOutboxService) {}

  /**
   * Consents still in force, given under an older version, for a purpose whose
   * text changed: the subject agreed to words that no longer describe the
   * processing, so the consent must be asked again (GDPR Art. 4(11), 7(1)).
   */
  async mark(em: EntityManager, tenantId: string, purposes: string[], number: number, now: Date): Promise<number> {
    const result: unknown[] = await em.query(
      `UPDATE consents SET renewal_required_at = $4, renewal_policy_version = $3::int
        WHERE ${TO_RENEW}
        RETURNING id, source_system_id, external_id, register_key, purpose_id`,
      [tenantId, purposes, String(number), now],
    );
    const rows = (Array.isArray(result[0]) ? result[0] : result) as RenewedConsent[];
    await this.tellSystems(em, tenantId, rows, number);
    return rows.length;
  }

  /** How many consents `mark` would mark for version `number` (the publish preview). */
  async count(em: EntityManager, tenantId: string, purposes: string[], number: number): Promise<number> {
    if (!purposes.length) return 0;
    const [row]: { n: string }[] = await em.query(`SELECT count(*) AS n FROM consents WHERE ${TO_RENEW}`, [tenantId, purposes, String(number)]);
    return Number(row?.n ?? 0);
  }

  /** Each source system learns which of its consents must be asked again (webhook `consent.renewal-required`). */
  private async tellSystems(em: EntityManager, tenantId: string, rows: RenewedConsent[], number: number): Promise<void> {
    const bySystem = new Map<string, RenewedConsent[]>();
    for (const r of rows) if (r.source_system_id) bySystem.set(r.source_system_id, [...(bySystem.get(r.source_system_id) ?? []), r]);
    if (!bySystem.size) return;
    const webhooks = this.webhooks;
    if (!webhooks) throw new PolicyConflictError('consents to renew are reported to source systems by the API: publish through it');
    for (const [sourceSystemId, list] of bySystem) {
      await webhooks.enqueue(em, {
        tenantId,
        sourceSystemId,
        event: 'consent.renewal-required',
        payload: { policyVersion: number, consents: list.map((c) => ({ consentId: c.id, externalId: c.external_id, register: c.register_key, purpose: c.purpose_id })) },
      });
    }
  }
}
