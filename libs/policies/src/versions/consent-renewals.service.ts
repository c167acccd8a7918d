import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { WebhookOutboxService } from '@regula/ingest';
import { ConsentWrites, type RenewalMarked } from '@regula/subjects';
import { PolicyConflictError } from './policy-errors';

/** Consents to ask again after a policy version changed their purpose's text. */
@Injectable()
export class ConsentRenewals {
  /** `webhooks` is absent in the command line, which publishes only first versions (no consent to renew). */
  constructor(private readonly consents: ConsentWrites, @Optional() private readonly webhooks?: WebhookOutboxService) {}

  /**
   * Consents still in force, given under an older version, for a purpose whose
   * text changed: the subject agreed to words that no longer describe the
   * processing, so the consent must be asked again (GDPR Art. 4(11), 7(1)).
   */
  async mark(em: EntityManager, tenantId: string, purposes: string[], number: number, now: Date): Promise<number> {
    const rows = await this.consents.markRenewalRequired(em, tenantId, purposes, number, now);
    await this.tellSystems(em, tenantId, rows, number);
    return rows.length;
  }

  /** How many consents `mark` would mark for version `number` (the publish preview). */
  async count(em: EntityManager, tenantId: string, purposes: string[], number: number): Promise<number> {
    return this.consents.countRenewalRequired(em, tenantId, purposes, number);
  }

  /** Each source system learns which of its consents must be asked again (webhook `consent.renewal-required`). */
  private async tellSystems(em: EntityManager, tenantId: string, rows: RenewalMarked[], number: number): Promise<void> {
    const bySystem = new Map<string, RenewalMarked[]>();
    for (const r of rows) if (r.sourceSystemId) bySystem.set(r.sourceSystemId, [...(bySystem.get(r.sourceSystemId) ?? []), r]);
    if (!bySystem.size) return;
    const webhooks = this.webhooks;
    if (!webhooks) throw new PolicyConflictError('consents to renew are reported to source systems by the API: publish through it');
    for (const [sourceSystemId, list] of bySystem) {
      await webhooks.enqueue(em, {
        tenantId,
        sourceSystemId,
        event: 'consent.renewal-required',
        payload: { policyVersion: number, consents: list.map((c) => ({ consentId: c.id, externalId: c.externalId, register: c.registerKey, purpose: c.purposeId })) },
      });
    }
  }
}
