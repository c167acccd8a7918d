import { Injectable } from '@nestjs/common';
import { Between, In, LessThanOrEqual } from 'typeorm';
import { AuditEntryEntity, AuditVerifier, ChainVerdict } from '@regula/audit';
import { BreachEntity, BreachesService, BreachView } from '@regula/breaches';
import { TenantDb } from '@regula/platform';
import { PolicyVersionEntity } from '@regula/policies';
import { TenantEntity } from '@regula/tenancy';
import { RightsRequestEntity } from '@regula/requests';
import { RetentionRunCountEntity, RetentionRunEntity } from '@regula/retention';
import { PACK_HIDDEN_EVENT_KINDS, RequestLogEntry } from './oversight-tables';
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

  /**
   * The log of each request received in the period, by reference: its channel,
   * dates and state, and its timeline's events up to `end` (time, kind, state
   * before and after). Only those columns are read: no requester's name,
   * address or e-mail, no note, message or event data, no actor.
   */
  requestLog(tenantId: string, start: Date, end: Date): Promise<RequestLogEntry[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const requests: { id: string; reference: string; type: string; channel: string; received_at: Date; identity_method: string; identity_verified_at: Date | null; extended_at: Date | null; due_at: Date; closed_at: Date | null; state: string }[] = await em.query(
        `SELECT id, reference, type, channel, received_at, identity_method, identity_verified_at, extended_at, due_at, closed_at, state
           FROM rights_requests WHERE tenant_id = $1 AND received_at BETWEEN $2 AND $3 ORDER BY received_at, reference`,
        [tenantId, start, end],
      );
      const events: { request_id: string; at: Date; kind: string; from_state: string | null; to_state: string | null }[] = requests.length
        ? await em.query(
            `SELECT request_id, at, kind, from_state, to_state FROM request_events
              WHERE tenant_id = $1 AND request_id = ANY($2::uuid[]) AND at <= $3 AND NOT (kind = ANY($4::text[])) ORDER BY at, id`,
            [tenantId, requests.map((r) => r.id), end, PACK_HIDDEN_EVENT_KINDS],
          )
        : [];
      return requests.map((r) => ({
        reference: r.reference,
        type: r.type,
        channel: r.channel,
        receivedAt: r.received_at,
        identityMethod: r.identity_method,
        identityConfirmedAt: r.identity_verified_at,
        extendedAt: r.extended_at,
        dueAt: r.due_at,
        closedAt: r.closed_at,
        state: r.state,
        events: events.filter((e) => e.request_id === r.id).map((e) => ({ at: e.at, kind: e.kind, from: e.from_state, to: e.to_state })),
      }));
    });
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
