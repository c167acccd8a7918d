import { Injectable } from '@nestjs/common';
import { Page, PageRequest, pageWindow, readPage, SqlFilter, TenantDb } from '@regula/platform';
import { subjectEmailColumn } from './subject-email.sql';

/** Where a consent stands: given and in force, withdrawn and waiting for its effect, withdrawn with the effect applied, or to be asked again. */
export const CONSENT_STATUSES = ['active', 'withdrawn-pending', 'withdrawn-applied', 'renewal-required'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

const STATUS_SQL: Record<ConsentStatus, string> = {
  active: 'c.withdrawn_at IS NULL',
  'withdrawn-pending': 'c.withdrawn_at IS NOT NULL AND c.effect_applied_at IS NULL',
  'withdrawn-applied': 'c.withdrawn_at IS NOT NULL AND c.effect_applied_at IS NOT NULL',
  'renewal-required': 'c.withdrawn_at IS NULL AND c.renewal_required_at IS NOT NULL',
};

export interface ConsentFilter extends PageRequest {
  registerKey?: string;
  purposeId?: string;
  status?: ConsentStatus;
}

export interface ConsentListItem {
  id: string;
  subjectId: string;
  /** The subject's e-mail address (the caller masks it for display), or null. */
  email: string | null;
  registerKey: string;
  purposeId: string;
  givenAt: Date;
  channel: string;
  policyVersion: string | null;
  withdrawnAt: Date | null;
  withdrawalEffectiveAt: Date | null;
  effectAppliedAt: Date | null;
  renewalRequiredAt: Date | null;
  renewalPolicyVersion: number | null;
}

export interface ConsentPurposeCount {
  registerKey: string;
  purposeId: string;
  total: number;
  active: number;
  withdrawnPending: number;
  withdrawnApplied: number;
  renewalRequired: number;
}

/** Reads of a tenant's consents for the dashboard: a filtered, paged list and the counts per purpose. */
@Injectable()
export class ConsentsQueryService {
  constructor(private readonly db: TenantDb) {}

  list(tenantId: string, f: ConsentFilter = {}): Promise<Page<ConsentListItem>> {
    const filter = new SqlFilter([tenantId], 'c.tenant_id = $1')
      .where(f.registerKey, (p) => `c.register_key = ${p}`)
      .where(f.purposeId, (p) => `c.purpose_id = ${p}`)
      .and(f.status && STATUS_SQL[f.status]);
    return this.db.forTenant(tenantId, (em) =>
      readPage(
        em,
        filter,
        pageWindow(f, 50, 200),
        {
          count: `SELECT count(*)::int AS total FROM consents c WHERE ${filter.sql}`,
          rows: `SELECT c.id, c.subject_id, c.register_key, c.purpose_id, c.given_at, c.channel, c.policy_version, c.withdrawn_at, c.withdrawal_effective_at,
                c.effect_applied_at, c.renewal_required_at, c.renewal_policy_version,
                ${subjectEmailColumn('c')}
           FROM consents c WHERE ${filter.sql}
          ORDER BY COALESCE(c.withdrawn_at, c.given_at) DESC, c.id`,
        },
        (r) => ({
          id: r.id as string,
          subjectId: r.subject_id as string,
          email: (r.email as string | null) ?? null,
          registerKey: r.register_key as string,
          purposeId: r.purpose_id as string,
          givenAt: r.given_at as Date,
          channel: r.channel as string,
          policyVersion: (r.policy_version as string | null) ?? null,
          withdrawnAt: (r.withdrawn_at as Date | null) ?? null,
          withdrawalEffectiveAt: (r.withdrawal_effective_at as Date | null) ?? null,
          effectAppliedAt: (r.effect_applied_at as Date | null) ?? null,
          renewalRequiredAt: (r.renewal_required_at as Date | null) ?? null,
          renewalPolicyVersion: (r.renewal_policy_version as number | null) ?? null,
        }),
      ),
    );
  }

  /** How many consents each purpose has, by status. */
  countsByPurpose(tenantId: string): Promise<ConsentPurposeCount[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const rows: Record<string, unknown>[] = await em.query(
        `SELECT c.register_key, c.purpose_id, count(*)::int AS total,
                count(*) FILTER (WHERE ${STATUS_SQL.active})::int AS active,
                count(*) FILTER (WHERE ${STATUS_SQL['withdrawn-pending']})::int AS pending,
                count(*) FILTER (WHERE ${STATUS_SQL['withdrawn-applied']})::int AS applied,
                count(*) FILTER (WHERE ${STATUS_SQL['renewal-required']})::int AS renewal
           FROM consents c WHERE c.tenant_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [tenantId],
      );
      return rows.map((r) => ({
        registerKey: r.register_key as string,
        purposeId: r.purpose_id as string,
        total: r.total as number,
        active: r.active as number,
        withdrawnPending: r.pending as number,
        withdrawnApplied: r.applied as number,
        renewalRequired: r.renewal as number,
      }));
    });
  }
}
