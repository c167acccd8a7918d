import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEvents, returned } from '@regula/platform';
import { ConsentWithdrawn } from '../consent-withdrawn.event';

/** A consent `markRenewalRequired` marked: what its source system is told. */
export interface RenewalMarked {
  id: string;
  sourceSystemId: string | null;
  externalId: string | null;
  registerKey: string;
  purposeId: string;
}

/** Consents in force, not yet marked, for one of the purposes `$2` ('register/purpose'), given under another version than `$3`. */
const TO_RENEW = `tenant_id = $1 AND withdrawn_at IS NULL AND renewal_required_at IS NULL
  AND (register_key || '/' || purpose_id) = ANY($2::text[])
  AND (policy_version IS NULL OR policy_version <> $3::text)`;

/** What happens to consents (GDPR Art. 7): withdrawal, its applied effect, renewal after a policy change. */
@Injectable()
export class ConsentWrites {
  /**
   * Withdraws these consents of the subject as of `withdrawnAt`, the instant
   * the withdrawal reached the controller: it is in effect from then (GDPR
   * Art. 7(3); a controller's promise to act within some days is an outer
   * limit for its own systems, never a delay of the effect). A withdrawal
   * already recorded keeps its time, but an earlier effect wins. Each
   * withdrawn consent publishes ConsentWithdrawn with the effective time
   * stored (libs/consent applies its effect after the commit).
   */
  async withdraw(em: EntityManager, tenantId: string, subjectId: string, consentIds: string[], withdrawnAt: Date): Promise<void> {
    if (!consentIds.length) return;
    const rows = returned<{ id: string; withdrawal_effective_at: Date }>(await em.query(
      `UPDATE consents SET withdrawn_at = COALESCE(withdrawn_at, $1),
         withdrawal_effective_at = LEAST(COALESCE(withdrawal_effective_at, $1), $1)
       WHERE tenant_id = $2 AND subject_id = $3 AND id = ANY($4::uuid[])
       RETURNING id, withdrawal_effective_at`,
      [withdrawnAt, tenantId, subjectId, consentIds],
    ));
    for (const r of rows) await DomainEvents.publish(em, new ConsentWithdrawn({ tenantId, consentId: r.id, effectiveAt: new Date(r.withdrawal_effective_at) }));
  }

  /** The withdrawal's effect on the records was applied at `at` (applying it again changes nothing). */
  async markEffectApplied(em: EntityManager, tenantId: string, consentId: string, at: Date): Promise<void> {
    await em.query(`UPDATE consents SET effect_applied_at = $1 WHERE id = $2 AND tenant_id = $3`, [at, consentId, tenantId]);
  }

  /**
   * Marks the consents in force for `purposes` ('register/purpose') given
   * under another policy version than `version`: they must be asked again.
   * Returns the consents marked.
   */
  async markRenewalRequired(em: EntityManager, tenantId: string, purposes: string[], version: number, at: Date): Promise<RenewalMarked[]> {
    const rows = returned<{ id: string; source_system_id: string | null; external_id: string | null; register_key: string; purpose_id: string }>(await em.query(
      `UPDATE consents SET renewal_required_at = $4, renewal_policy_version = $3::int
        WHERE ${TO_RENEW}
        RETURNING id, source_system_id, external_id, register_key, purpose_id`,
      [tenantId, purposes, String(version), at],
    ));
    return rows.map((r) => ({ id: r.id, sourceSystemId: r.source_system_id, externalId: r.external_id, registerKey: r.register_key, purposeId: r.purpose_id }));
  }

  /** How many consents `markRenewalRequired` would mark. */
  async countRenewalRequired(em: EntityManager, tenantId: string, purposes: string[], version: number): Promise<number> {
    if (!purposes.length) return 0;
    const [row]: { n: string }[] = await em.query(`SELECT count(*) AS n FROM consents WHERE ${TO_RENEW}`, [tenantId, purposes, String(version)]);
    return Number(row?.n ?? 0);
  }
}
