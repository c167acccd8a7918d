import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ControllerDefinition, Register } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { CLOCK, Clock, DomainEvents, JobData, JobProducer, systemClock, TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { ConsentEntity, ConsentWithdrawn, ConsentWrites, PersonalDataRecordEntity, RecordRestriction } from '@regula/subjects';
import { retentionDueFor, WebhookOutboxService } from '@regula/ingest';
import { tiedCategories } from './consent-ties';

export type ConsentEffectOutcome =
  | { status: 'applied'; records: number; notified: number }
  | { status: 'already-applied' | 'not-withdrawn' | 'gone' };

/** Why the records of a withdrawn consent are restricted (personal_data_records.restriction_reason). */
export const CONSENT_WITHDRAWN_REASON = 'consent withdrawn';
export const CONSENT_ACTOR = 'regula (consent effects)';

/** Deterministic job id: the consent and its effective instant (no ':' in BullMQ custom ids). */
export function consentEffectJobId(consentId: string, effectiveAt: Date): string {
  return `consent-effect-${consentId}-${effectiveAt.getTime()}`;
}

/**
 * Applies a consent withdrawal at once (GDPR Art. 7(3): it is in effect from
 * the instant it reached the controller, and withdrawing must be as easy as
 * giving consent; a controller's promise to act within some working days,
 * Inomedis notice clause 15, is an outer limit the dashboard watches, not a
 * delay): the subject's records of the register that
 * belong to the data categories tied to the consent (consent-ties.ts) get the
 * `consent-withdrawn` anchor (the effective time; an earlier one stands),
 * their `retention_due_at` recomputed with the ingest's own computation
 * (retentionDueFor of libs/ingest), and processing restricted
 * (`restricted_at`, reason 'consent withdrawn'; a record already restricted
 * keeps its reason). The systems holding the consent and those records get
 * `consent.withdrawn` with `applied: true`; one audit entry per withdrawal.
 * `consents.effect_applied_at` makes it idempotent: applying twice changes
 * nothing. The anchor and the restriction carry the effective time (the
 * withdrawal's receipt), not the time the job ran.
 *
 * A withdrawal recorded anywhere (ingest, the consent-withdrawal fulfilment)
 * publishes ConsentWithdrawn; its job is added, undelayed, after that commit.
 */
@Injectable()
export class ConsentEffectsService implements OnModuleInit {
  private readonly logger = new Logger('consent');

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly webhooks: WebhookOutboxService,
    private readonly events: DomainEvents,
    private readonly restriction: RecordRestriction,
    private readonly consents: ConsentWrites,
    private readonly jobs: JobProducer,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  onModuleInit(): void {
    this.events.on(ConsentWithdrawn, ({ tenantId, consentId, effectiveAt }) => this.schedule(tenantId, consentId, effectiveAt));
  }

  /** Applies one withdrawal unless it was applied (the `consent-effect` job). */
  apply(tenantId: string, consentId: string, now = this.clock()): Promise<ConsentEffectOutcome> {
    return this.db.forTenant(tenantId, async (em) => {
      const consent = await em
        .createQueryBuilder(ConsentEntity, 'c')
        .where('c.tenant_id = :tenantId AND c.id = :consentId', { tenantId, consentId })
        .setLock('pessimistic_write')
        .getOne();
      if (!consent) return { status: 'gone' };
      if (!consent.withdrawnAt) return { status: 'not-withdrawn' };
      const [{ applied }] = await em.query(`SELECT effect_applied_at AS applied FROM consents WHERE id = $1`, [consentId]);
      if (applied) return { status: 'already-applied' };
      // In effect from the withdrawal (an older row may name a later date; migration 1764550000000 set pending ones back).
      const effectiveAt = consent.withdrawalEffectiveAt && consent.withdrawalEffectiveAt < consent.withdrawnAt ? consent.withdrawalEffectiveAt : consent.withdrawnAt;
      return this.applyNow(em, consent, effectiveAt, now);
    });
  }

  private async applyNow(em: EntityManager, consent: ConsentEntity, effectiveAt: Date, now: Date): Promise<ConsentEffectOutcome> {
    const { tenantId } = consent;
    const tenant = await em.findOneOrFail(TenantEntity, { where: { id: tenantId } });
    const def = tenant.definition as Partial<ControllerDefinition>;
    const [regRow]: { definition: Register }[] = await em.query(
      `SELECT v.definition FROM registers r JOIN register_versions v ON v.register_id = r.id AND v.is_current WHERE r.tenant_id = $1 AND r.key = $2`,
      [tenantId, consent.registerKey],
    );
    // Other consent-based purposes of the register the subject still consents to at the effective time.
    const still: { purpose_id: string }[] = await em.query(
      `SELECT DISTINCT purpose_id FROM consents WHERE tenant_id = $1 AND subject_id = $2 AND register_key = $3 AND id <> $4
         AND given_at <= $5 AND (withdrawn_at IS NULL OR COALESCE(withdrawal_effective_at, withdrawn_at) > $5)`,
      [tenantId, consent.subjectId, consent.registerKey, consent.id, effectiveAt],
    );
    const categories = regRow ? tiedCategories(regRow.definition, consent.purposeId, still.map((s) => s.purpose_id)) : [];
    const records = categories.length
      ? await em
          .createQueryBuilder(PersonalDataRecordEntity, 'r')
          .where('r.tenant_id = :tenantId AND r.subject_id = :subjectId AND r.register_key = :registerKey', { tenantId, subjectId: consent.subjectId, registerKey: consent.registerKey })
          .andWhere('r.category_id IN (:...categories) AND r.erased_at IS NULL', { categories })
          .setLock('pessimistic_write')
          .getMany()
      : [];
    const effective = effectiveAt.toISOString();
    for (const r of records) {
      const had = r.anchors?.['consent-withdrawn'];
      const anchors = { ...(r.anchors ?? {}), 'consent-withdrawn': had && had < effective ? had : effective };
      const due = retentionDueFor(regRow.definition, r.categoryId, r.collectedAt, anchors, { timeZone: tenant.timeZone, financialYearEnd: def.financialYearEnd });
      await this.restriction.applyWithdrawnConsent(em, tenantId, r.id, {
        anchors,
        retentionDueAt: due,
        restrict: r.restrictedAt ? null : { at: effectiveAt, reason: CONSENT_WITHDRAWN_REASON },
      });
    }
    await this.consents.markEffectApplied(em, tenantId, consent.id, now);

    const systems = new Set<string>(records.map((r) => r.sourceSystemId));
    if (consent.sourceSystemId) systems.add(consent.sourceSystemId);
    for (const sourceSystemId of systems) {
      await this.webhooks.enqueue(em, {
        tenantId,
        sourceSystemId,
        event: 'consent.withdrawn',
        payload: {
          consents: [{
            consentId: consent.id, externalId: consent.externalId, registerKey: consent.registerKey, purposeId: consent.purposeId,
            withdrawnAt: consent.withdrawnAt!.toISOString(), effectiveAt: effective, applied: true,
            restrictedRecords: records.filter((r) => r.sourceSystemId === sourceSystemId).map((r) => r.externalId),
          }],
        },
      });
    }
    await this.audit.append(em, {
      tenantId,
      actorId: null,
      actor: CONSENT_ACTOR,
      action: 'consent.withdrawal-applied',
      targetType: 'consent',
      targetId: consent.id,
      details: {
        registerKey: consent.registerKey, purposeId: consent.purposeId, subjectId: consent.subjectId,
        withdrawnAt: consent.withdrawnAt!.toISOString(), effectiveAt: effective, categories, records: records.length, systemsNotified: systems.size,
      },
    });
    return { status: 'applied', records: records.length, notified: systems.size };
  }

  /** Adds the `consent-effect` job of a withdrawal, to run at once (never delayed). Never throws: the sweep catches what is lost. */
  async schedule(tenantId: string, consentId: string, effectiveAt: Date): Promise<void> {
    try {
      const data: JobData<'consent-effect'> = { tenantId, consentId };
      await this.jobs.add('consent-effect', data, { jobId: consentEffectJobId(consentId, effectiveAt) });
    } catch (e) {
      this.logger.warn(`consent ${consentId}: could not schedule its effect (${(e as Error).message}); the sweep applies it`);
    }
  }

  /**
   * Every 5 minutes, for every tenant: applies the withdrawals recorded and
   * not applied. Nothing waits here for a date (a withdrawal is in effect
   * from its receipt); the sweep is kept as the safety net DomainEvents asks
   * of every handled event: the after-commit delivery that adds the job is
   * lost when the process stops between the commit and the job, Redis is
   * down at that moment, or the writer registers no handler (the CLI's demo
   * data). Idempotent.
   */
  async sweep(now = this.clock()): Promise<{ tenants: number; applied: number }> {
    let applied = 0;
    const tenants = await this.db.forEachTenant(async (tenantId) => {
      const pending: { id: string }[] = await this.db.forTenant(tenantId, (em) =>
        em.query(
          `SELECT id FROM consents WHERE tenant_id = $1 AND withdrawn_at IS NOT NULL AND effect_applied_at IS NULL
            ORDER BY COALESCE(withdrawal_effective_at, withdrawn_at) LIMIT 1000`,
          [tenantId],
        ),
      );
      for (const c of pending) {
        if ((await this.apply(tenantId, c.id, now)).status === 'applied') applied++;
      }
    });
    return { tenants, applied };
  }
}
