import { Injectable } from '@nestjs/common';
import { Lang } from '@regula/engine';
import { RegistersService } from '@regula/registers';
import { DueCount, RetentionRunEntity, RetentionRunsService, LegalHoldsQueryService } from '@regula/retention';
import { formatInstant } from '../../web/format';
import { RegisterLabels, textIn } from '../consents/register-labels';
import type { AdminTenant } from '../shared/admin-request';

type T = (key: string, vars?: Record<string, unknown>) => string;
const DAY_MS = 86_400_000;
/** "Due soon" on the schedule: the next 30 days. */
export const DUE_WINDOW_DAYS = 30;

export interface HoldFormState {
  action: 'place' | 'lift';
  error: string;
  values: Record<string, unknown>;
}

/** The retention page (schedule, runs, legal holds) and a run's page, from the services the REST API uses. */
@Injectable()
export class RetentionPage {
  constructor(private readonly runs: RetentionRunsService, private readonly holds: LegalHoldsQueryService, private readonly registers: RegistersService) {}

  async overview(tenant: AdminTenant, lang: Lang, t: T, now = new Date(), failed?: HoldFormState) {
    const labels = new RegisterLabels(await this.registers.listCurrent(tenant.id), lang);
    const [dueNow, dueSoon, runs, holds] = await Promise.all([
      this.runs.due(tenant.id, now),
      this.runs.due(tenant.id, new Date(now.getTime() + DUE_WINDOW_DAYS * DAY_MS)),
      this.runs.list(tenant.id, 20),
      this.holds.list(tenant.id, 200),
    ]);
    const when = (d: Date | null) => (d ? formatInstant(d, lang, tenant.timeZone) : '');
    const base = `/admin/t/${tenant.slug}/retention`;
    const can = tenant.permissions.includes('retention:run');
    const form = (action: 'place' | 'lift') => ({ action: `${base}/holds/${action}`, error: failed?.action === action ? failed.error : undefined, values: failed?.action === action ? failed.values : {} });
    return {
      base,
      window: DUE_WINDOW_DAYS,
      schedule: this.schedule(labels, lang, t, dueNow, dueSoon),
      runs: runs.map((r) => this.runRow(r, base, t, when)),
      holds: {
        total: holds.total,
        rows: holds.items.map((h) => ({
          recordId: h.recordId,
          register: labels.register(h.registerKey),
          category: labels.category(h.registerKey, h.categoryId),
          subject: `#${h.subjectId.slice(0, 8)}`,
          due: when(h.retentionDueAt),
          placed: when(h.placedAt),
          placedBy: h.placedBy ?? '',
          reason: h.reason ?? '',
          erased: !!h.erasedAt,
        })),
      },
      canRun: can,
      forms: { place: form('place'), lift: form('lift') },
      failure: failed ? { message: failed.error, anchor: `#h-${failed.action}-error` } : undefined,
    };
  }

  async run(tenant: AdminTenant, lang: Lang, t: T, runId: string) {
    const labels = new RegisterLabels(await this.registers.listCurrent(tenant.id), lang);
    const run = await this.runs.get(tenant.id, runId);
    const when = (d: Date | null) => (d ? formatInstant(d, lang, tenant.timeZone) : '');
    const base = `/admin/t/${tenant.slug}/retention`;
    return {
      base,
      run: {
        ...this.runRow(run, base, t, when),
        cutoff: when(run.cutoff),
        batches: run.batches,
        batchSize: run.batchSize,
        requestedBy: run.requestedBy,
        error: run.error ?? '',
      },
      counts: run.counts.map((c) => ({
        register: labels.register(c.registerKey),
        category: labels.category(c.registerKey, c.categoryId),
        erased: c.erased,
        anonymised: c.anonymised,
        legalHold: c.skippedLegalHold,
        openRequest: c.skippedOpenRequest,
        restriction: c.skippedRestriction,
      })),
    };
  }

  private runRow(r: RetentionRunEntity, base: string, t: T, when: (d: Date | null) => string) {
    return {
      id: r.id,
      href: `${base}/runs/${r.id}`,
      started: when(r.startedAt),
      startedIso: r.startedAt.toISOString(),
      finished: r.finishedAt ? when(r.finishedAt) : t('retention.notFinished'),
      status: r.status,
      statusLabel: t(`retention.status.${r.status}`),
      trigger: t(`retention.trigger.${r.trigger}`),
      erased: r.recordsErased,
      anonymised: r.recordsAnonymised,
      protected: r.recordsSkippedProtected,
    };
  }

  /** One row per register and data category a retention rule governs, with the rule in the register's words and what is due. */
  private schedule(labels: RegisterLabels, lang: Lang, t: T, dueNow: DueCount[], dueSoon: DueCount[]) {
    const key = (r: string, c: string) => `${r}\u0000${c}`;
    const now = new Map(dueNow.map((d) => [key(d.register, d.category), d]));
    const soon = new Map(dueSoon.map((d) => [key(d.register, d.category), d]));
    const seen = new Set<string>();
    const counts = (r: string, c: string) => {
      seen.add(key(r, c));
      const a = now.get(key(r, c));
      const b = soon.get(key(r, c));
      return {
        overdue: a?.due ?? 0,
        next: Math.max(0, (b?.due ?? 0) - (a?.due ?? 0)),
        protected: b ? b.legalHold + b.openRequest + b.restriction : 0,
      };
    };
    const groups = labels.registers.map((reg) => ({
      key: reg.id,
      name: labels.register(reg.id),
      rows: (reg.retention ?? []).flatMap((rule) =>
        rule.categories.map((c) => ({
          category: labels.category(reg.id, c),
          rule: textIn(rule.description, lang),
          action: t(`retention.action.${rule.action}`),
          ...counts(reg.id, c),
        })),
      ),
    }));
    // Due records of a register or category no current rule names (a retired register, a removed category).
    const rest = dueSoon.filter((d) => !seen.has(key(d.register, d.category)));
    if (rest.length) {
      groups.push({
        key: '',
        name: t('retention.noCurrentRule'),
        rows: rest.map((d) => ({ category: `${labels.register(d.register)}: ${labels.category(d.register, d.category)}`, rule: '', action: '', ...counts(d.register, d.category) })),
      });
    }
    return groups.filter((g) => g.rows.length);
  }
}
