import { Injectable } from '@nestjs/common';
import { Lang, endOfLocalDay, isValidLocalDate, startOfLocalDay } from '@regula/engine';
import { RegistersService } from '@regula/registers';
import { DisclosuresQueryService } from '@regula/subjects';
import { formatInstant } from '../../web/format';
import { pageOf, pagerOf } from '../consents/pager';
import { RegisterLabels } from '../consents/register-labels';
import { subjectLabel } from '../consents/subject-mask';
import type { AdminTenant } from '../shared/admin-request';

type T = (key: string, vars?: Record<string, unknown>) => string;
const PAGE_SIZE = 50;

/** 'YYYY-MM-DD' as a local date, or null. */
function localDate(v: unknown): { year: number; month: number; day: number } | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const [year, month, day] = v.split('-').map(Number);
  const d = { year, month, day };
  return isValidLocalDate(d) ? d : null;
}

/** The disclosure log: who received which data when, by recipient and period (days in the controller's time zone), paged. */
@Injectable()
export class DisclosuresPage {
  constructor(private readonly disclosures: DisclosuresQueryService, private readonly registers: RegistersService) {}

  async build(tenant: AdminTenant, lang: Lang, t: T, q: Record<string, unknown>) {
    const recipients = await this.disclosures.recipients(tenant.id);
    const recipient = typeof q.recipient === 'string' && recipients.some((r) => r.id === q.recipient) ? q.recipient : undefined;
    const fromText = typeof q.from === 'string' ? q.from.trim() : '';
    const toText = typeof q.to === 'string' ? q.to.trim() : '';
    const from = localDate(fromText);
    const to = localDate(toText);
    const badDate = (fromText !== '' && !from) || (toText !== '' && !to);
    const page = pageOf(q.page);
    const labels = new RegisterLabels(await this.registers.listCurrent(tenant.id), lang);
    const result = await this.disclosures.list(tenant.id, {
      recipientId: recipient,
      from: from ? startOfLocalDay(from, tenant.timeZone) : undefined,
      to: to ? endOfLocalDay(to, tenant.timeZone) : undefined,
      page,
      pageSize: PAGE_SIZE,
    });
    const base = `/admin/t/${tenant.slug}/disclosures`;
    const link = (n: number) => {
      const s = new URLSearchParams();
      if (recipient) s.set('recipient', recipient);
      if (from) s.set('from', fromText);
      if (to) s.set('to', toText);
      if (n > 1) s.set('page', String(n));
      const str = s.toString();
      return `${base}${str ? `?${str}` : ''}`;
    };
    return {
      action: base,
      filters: {
        recipients: recipients.map((r) => ({ value: r.id, label: `${r.name} (${r.count})`, selected: r.id === recipient })),
        from: fromText,
        to: toText,
        badDate,
        active: !!(recipient || fromText || toText),
      },
      rows: result.items.map((d) => ({
        at: formatInstant(d.disclosedAt, lang, tenant.timeZone),
        atIso: d.disclosedAt.toISOString(),
        recipient: d.recipientName,
        recipientId: d.recipientId,
        register: labels.register(d.registerKey),
        categories: d.categories.map((c) => labels.category(d.registerKey, c)).join(', '),
        subject: subjectLabel(d.email, d.subjectId),
        basis: d.legalBasis ?? '',
        via: d.via,
      })),
      total: result.total,
      pager: pagerOf(t, 'disclosures.pageOf', result.page, result.total, PAGE_SIZE, link),
    };
  }
}
