import { Injectable } from '@nestjs/common';
import { InvalidInputError, toCsv } from '@regula/platform';
import { endOfLocalDay, parseLocalDate, startOfLocalDay, type Lang } from '@regula/engine';
import { formatAddress, localDateTime, reportableDisclosures } from './access-package.builder';
import { answerLanguage, label, recipientKindLabel, tr } from './fulfilment-text';
import type { PlannedFulfilment } from './fulfilment-plan';
import { esc, htmlPage } from './html';
import { plannedDisclosure } from './planned-items';
import { summaries } from './outcome-text';
import { recipientsOf, registerIndex } from './register-facts';
import { validateWithheld } from './withholding';
import type { FulfilInput, FulfilmentContext, FulfilmentResult } from './fulfilment.types';

export interface RecipientsReport {
  format: 'regula/recipients-report@1';
  language: Lang;
  generatedAt: string;
  timeZone: string;
  controller: { name: string; registryCode: string; address: string };
  request: { reference: string };
  period: { from: string; to: string };
  recipients: {
    recipient: string;
    recipientId: string;
    kind: string | null;
    kindLabel: string | null;
    disclosures: { date: string; register: string; registerName: string; categories: string[] }[];
  }[];
}

function parsePeriod(raw: unknown): { from: string; to: string } {
  const p = raw as { from?: unknown; to?: unknown } | undefined;
  const day = (v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : '');
  const from = day(p?.from);
  const to = day(p?.to);
  try {
    parseLocalDate(from);
    parseLocalDate(to);
  } catch {
    throw new InvalidInputError('recipients in a period needs the period: { from, to } as YYYY-MM-DD dates (details.period or the body)');
  }
  if (from > to) throw new InvalidInputError('the period ends before it starts');
  return { from, to };
}

/**
 * Who received the subject's data in a period (Inomedis clause 38; Art.
 * 15(1)(c) for the recipients actually used): the disclosure log Regula
 * keeps (reported by the tenant's systems and written by Regula itself),
 * within the period in the controller's calendar, grouped by recipient, with
 * dates and categories. Regula's own answers to the subject are not
 * disclosures to a recipient; withheld disclosures (see `withholding.ts`) are
 * left out.
 */
@Injectable()
export class RecipientsReportService {
  async fulfil(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
    return this.plan(ctx, input).result;
  }

  /**
   * The report the subject will receive, with the disclosures it lists; it
   * changes nothing and tells no source system (`apply` writes nothing: the
   * files and the request's closing are the fulfilment's own writes).
   */
  plan(ctx: FulfilmentContext, input: FulfilInput): PlannedFulfilment {
    const lang = answerLanguage(ctx.request.locale);
    const tz = ctx.controller.jurisdiction.timeZone;
    const period = parsePeriod(input.period ?? ctx.request.details?.period);
    const withheld = validateWithheld(ctx, input.withheldDisclosureIds);
    const start = startOfLocalDay(parseLocalDate(period.from), tz).getTime();
    const end = endOfLocalDay(parseLocalDate(period.to), tz).getTime();
    const inPeriod = reportableDisclosures(ctx.data.disclosures, withheld).filter((d) => {
      const t = new Date(d.disclosedAt).getTime();
      return t >= start && t <= end;
    });
    const withheldInPeriod = ctx.data.disclosures.filter((d) => withheld.includes(d.id)).length;

    const defs = registerIndex(ctx.registers);
    const groups = new Map<string, RecipientsReport['recipients'][number]>();
    for (const d of inPeriod) {
      const def = defs.get(d.registerKey);
      const recipient = def ? recipientsOf(def).find((r) => r.id === d.recipientId) : undefined;
      const key = `${d.recipientId}\u0000${d.recipientName}`;
      const g = groups.get(key) ?? {
        recipient: d.recipientName,
        recipientId: d.recipientId,
        kind: recipient?.kind ?? null,
        kindLabel: recipient ? recipientKindLabel(recipient.kind, lang) : null,
        disclosures: [],
      };
      g.disclosures.push({
        date: new Date(d.disclosedAt).toISOString(),
        register: d.registerKey,
        registerName: tr(def?.name, lang) || d.registerKey,
        categories: d.categories.map((c) => tr(def?.dataCategories.find((x) => x.id === c)?.name, lang) || c),
      });
      groups.set(key, g);
    }
    const report: RecipientsReport = {
      format: 'regula/recipients-report@1',
      language: lang,
      generatedAt: ctx.now.toISOString(),
      timeZone: tz,
      controller: { name: ctx.controller.legalName, registryCode: ctx.controller.registryCode, address: formatAddress(ctx.controller.legalAddress) },
      request: { reference: ctx.request.reference },
      period,
      recipients: [...groups.values()].sort((a, b) => a.recipient.localeCompare(b.recipient)),
    };
    const base = `recipients-${ctx.request.reference}`;
    const result: FulfilmentResult = {
      outcome: {
        type: 'recipients-in-period',
        language: lang,
        summary: summaries(lang).recipients(report.recipients.length, period.from, period.to),
        period,
        counts: { recipients: report.recipients.length, disclosures: inPeriod.length },
      },
      artifacts: [
        { kind: 'recipients-json', fileName: `${base}.json`, contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(report, null, 2)}\n` },
        { kind: 'recipients-html', fileName: `${base}.html`, contentType: 'text/html; charset=utf-8', body: recipientsHtml(report) },
        { kind: 'recipients-csv', fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: recipientsCsv(report) },
      ],
      audit: { period, disclosures: inPeriod.length, withheld, withheldInLog: withheldInPeriod },
    };
    return { result, records: inPeriod.map((d) => plannedDisclosure(d, defs, lang)), webhooks: [], apply: async () => undefined };
  }
}

export function recipientsCsv(r: RecipientsReport): string {
  return toCsv(
    ['recipient', 'recipient_kind', 'disclosed_at', 'register', 'register_name', 'categories'],
    r.recipients.flatMap((g) => g.disclosures.map((d) => [g.recipient, g.kindLabel ?? '', d.date, d.register, d.registerName, d.categories.join('; ')])),
  );
}

export function recipientsHtml(r: RecipientsReport): string {
  const lang = r.language;
  const rows = r.recipients.map((g) =>
    `<h2>${esc(g.recipient)}${g.kindLabel ? ` (${esc(g.kindLabel)})` : ''}</h2><table><thead><tr><th>${esc(label('date', lang))}</th><th>${esc(label('register', lang))}</th><th>${esc(label('category', lang))}</th></tr></thead><tbody>${g.disclosures
      .map((d) => `<tr><td>${esc(localDateTime(d.date, r.timeZone))}</td><td>${esc(d.registerName)}</td><td>${esc(d.categories.join(', '))}</td></tr>`)
      .join('')}</tbody></table>`,
  );
  const body = [
    `<h1>${esc(label('recipientsTitle', lang))}</h1>`,
    `<p class="meta">${esc(r.controller.name)}, ${esc(r.controller.registryCode)} · ${esc(label('request', lang))}: ${esc(r.request.reference)} · ${esc(label('period', lang))}: ${esc(r.period.from)} – ${esc(r.period.to)}</p>`,
    rows.length ? rows.join('\n') : `<p>${esc(label('none', lang))}</p>`,
  ];
  return htmlPage(lang, `${label('recipientsTitle', lang)}: ${r.controller.name}`, body.join('\n'));
}
