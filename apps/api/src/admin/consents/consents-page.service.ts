import { Injectable } from '@nestjs/common';
import { Lang } from '@regula/engine';
import { RegistersService } from '@regula/registers';
import { CONSENT_STATUSES, ConsentListItem, ConsentStatus, ConsentsQueryService } from '@regula/subjects';
import { formatInstant } from '../../web/format';
import type { AdminTenant } from '../shared/admin-request';
import { pageOf, pagerOf } from './pager';
import { RegisterLabels } from './register-labels';
import { subjectLabel } from './subject-mask';

type T = (key: string, vars?: Record<string, unknown>) => string;
const PAGE_SIZE = 50;
const ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

export interface ConsentFilters {
  register?: string;
  /** `<register>/<purpose>` */
  purpose?: string;
  status?: ConsentStatus;
  page: number;
}

/** The page's GET form; anything else is ignored. */
export function parseConsentFilters(q: Record<string, unknown>): ConsentFilters {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : undefined);
  const register = s('register');
  const purpose = s('purpose');
  const status = s('status');
  const [pr, pp] = purpose?.split('/') ?? [];
  return {
    register: register && ID.test(register) ? register : undefined,
    purpose: pr && pp && ID.test(pr) && ID.test(pp) ? `${pr}/${pp}` : undefined,
    status: status && (CONSENT_STATUSES as readonly string[]).includes(status) ? (status as ConsentStatus) : undefined,
    page: pageOf(s('page')),
  };
}

/** Consents and withdrawals: counts per purpose, the filtered list with masked subjects, the withdrawal's effect and the renewal flag. */
@Injectable()
export class ConsentsPage {
  constructor(private readonly consents: ConsentsQueryService, private readonly registers: RegistersService) {}

  async build(tenant: AdminTenant, lang: Lang, t: T, query: Record<string, unknown>) {
    const f = parseConsentFilters(query);
    const labels = new RegisterLabels(await this.registers.listCurrent(tenant.id), lang);
    const [purposeKey, purposeId] = f.purpose?.split('/') ?? [];
    const [result, counts] = await Promise.all([
      this.consents.list(tenant.id, { registerKey: purposeKey ?? f.register, purposeId, status: f.status, page: f.page, pageSize: PAGE_SIZE }),
      this.consents.countsByPurpose(tenant.id),
    ]);
    const base = `/admin/t/${tenant.slug}/consents`;
    const when = (d: Date | null) => (d ? formatInstant(d, lang, tenant.timeZone) : '');
    const link = (page: number) => {
      const q = new URLSearchParams();
      if (f.register) q.set('register', f.register);
      if (f.purpose) q.set('purpose', f.purpose);
      if (f.status) q.set('status', f.status);
      if (page > 1) q.set('page', String(page));
      const s = q.toString();
      return `${base}${s ? `?${s}` : ''}`;
    };
    const consentRegisters = [...new Set(counts.map((c) => c.registerKey))];
    return {
      action: base,
      filters: {
        registers: consentRegisters.map((k) => ({ value: k, label: labels.register(k), selected: k === f.register })),
        purposes: consentRegisters.map((k) => ({
          label: labels.register(k),
          options: counts.filter((c) => c.registerKey === k).map((c) => ({ value: `${k}/${c.purposeId}`, label: labels.purpose(k, c.purposeId), selected: `${k}/${c.purposeId}` === f.purpose })),
        })),
        statuses: CONSENT_STATUSES.map((s) => ({ value: s, label: t(`consents.status.${s}`), selected: s === f.status })),
        active: !!(f.register || f.purpose || f.status),
      },
      counts: counts.map((c) => ({
        register: labels.register(c.registerKey),
        purpose: labels.purpose(c.registerKey, c.purposeId),
        href: `${base}?purpose=${encodeURIComponent(`${c.registerKey}/${c.purposeId}`)}`,
        total: c.total,
        active: c.active,
        pending: c.withdrawnPending,
        applied: c.withdrawnApplied,
        renewal: c.renewalRequired,
      })),
      rows: result.items.map((c) => this.row(c, labels, t, when)),
      total: result.total,
      pager: pagerOf(t, 'consents.pageOf', result.page, result.total, PAGE_SIZE, link),
    };
  }

  private row(c: ConsentListItem, labels: RegisterLabels, t: T, when: (d: Date | null) => string) {
    const status: ConsentStatus = c.withdrawnAt ? (c.effectAppliedAt ? 'withdrawn-applied' : 'withdrawn-pending') : 'active';
    return {
      subject: subjectLabel(c.email, c.subjectId),
      register: labels.register(c.registerKey),
      purpose: labels.purpose(c.registerKey, c.purposeId),
      given: when(c.givenAt),
      channel: c.channel,
      policyVersion: c.policyVersion ?? '',
      status,
      statusLabel: t(`consents.status.${status}`),
      withdrawn: when(c.withdrawnAt),
      effective: c.withdrawnAt ? when(c.withdrawalEffectiveAt ?? c.withdrawnAt) : '',
      applied: c.withdrawnAt ? (c.effectAppliedAt ? t('consents.appliedAt', { at: when(c.effectAppliedAt) }) : t('consents.notApplied')) : '',
      renewal: c.renewalRequiredAt && !c.withdrawnAt ? t('consents.renewalFlag', { version: c.renewalPolicyVersion ?? '?', at: when(c.renewalRequiredAt) }) : '',
    };
  }
}
