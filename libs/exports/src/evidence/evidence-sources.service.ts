import { Injectable } from '@nestjs/common';
import { Between, In, LessThanOrEqual } from 'typeorm';
import { AuditEntryEntity, AuditVerifier, ChainVerdict } from '@regula/audit';
import { BreachEntity, BreachesService, BreachView } from '@regula/breaches';
import { TenantDb } from '@regula/platform';
import { PolicyVersionEntity } from '@regula/policies';
import { TenantEntity } from '@regula/tenancy';
import { RightsRequestEntity } from '@regula/requests';
import { RetentionRunCountEntity, RetentionRunEntity } from '@regula/retention';
import { RequestFacts } from './request-stats';

export interface AuditExtract {
  from: string;
  to: string;
  entries: AuditEntryEntity[];
  /** The whole chain of the tenant verified (GDPR Art. 5(2) accountability: the log was not altered). */
  verification: ChainVerdict;
  /** The chain's checkpoint file: every signed head published outside the database, one JSON line each. */
  checkpoints: string;
}

/** Reads, for a tenant and a period, what an evidence pack holds besides the registers. */
@Injectable()
export class EvidenceSourcesService {
  constructor(private readonly db: TenantDb, private readonly verifier: AuditVerifier, private readonly breaches: BreachesService) {}

  /** Every policy version published by `end`, oldest first. */
  publishedPolicies(tenantId: string, end: Date): Promise<PolicyVersionEntity[]> {
    return this.db.forTenant(tenantId, (em) =>
      em.find(PolicyVersionEntity, { where: { tenantId, status: 'published', publishedAt: LessThanOrEqual(end) }, order: { number: 'ASC' } }),
    );
  }

  /** Rights requests received in the period. */
  requests(tenantId: string, start: Date, end: Date): Promise<RequestFacts[]> {
    return this.db.forTenant(tenantId, (em) =>
      em.find(RightsRequestEntity, {
        where: { tenantId, receivedAt: Between(start, end) },
        select: { type: true, state: true, receivedAt: true, dueAt: true, closedAt: true, extendedAt: true },
        order: { receivedAt: 'ASC' },
      }),
    );
  }

  /** Retention runs started in the period, each with its counts per register and data category. */
  retentionRuns(tenantId: string, start: Date, end: Date): Promise<(RetentionRunEntity & { counts: RetentionRunCountEntity[] })[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const runs = await em.find(RetentionRunEntity, { where: { tenantId, startedAt: Between(start, end) }, order: { startedAt: 'ASC' } });
      const counts = runs.length
        ? await em.find(RetentionRunCountEntity, { where: { runId: In(runs.map((r) => r.id)) }, order: { registerKey: 'ASC', categoryId: 'ASC' } })
        : [];
      return runs.map((r) => ({ ...r, counts: counts.filter((c) => c.runId === r.id) }));
    });
  }

  /** The breach register (GDPR Art. 33(5)) as it stood at `end`: every breach the controller knew of by then, with its clock at `end`. */
  breachRegister(tenantId: string, end: Date): Promise<BreachView[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const tenant = await em.findOneByOrFail(TenantEntity, { id: tenantId });
      const rows = await em.find(BreachEntity, { where: { tenantId, awareAt: LessThanOrEqual(end) }, order: { awareAt: 'ASC' } });
      return rows.map((b) => this.breaches.view(b, tenant, end));
    });
  }

  /** The audit entries of the period, oldest first, the verdict on the tenant's whole chain, and its published checkpoints. */
  auditLog(tenantId: string, start: Date, end: Date, period: { from: string; to: string }): Promise<AuditExtract> {
    return this.db.forTenant(tenantId, async (em) => {
      const entries = await em.find(AuditEntryEntity, { where: { tenantId, at: Between(start, end) }, order: { seq: 'ASC' } });
      const verification = await this.verifier.verify(em, tenantId, 'genesis');
      return { ...period, entries, verification, checkpoints: this.verifier.publishedText(tenantId) };
    });
  }
}
