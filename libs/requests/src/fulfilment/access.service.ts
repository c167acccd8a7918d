import { Injectable } from '@nestjs/common';
import { accessPackageCsv, accessPackageHtml, accessPackageJson, buildAccessPackage } from './access-package.builder';
import { plannedRecord, type PlannedFulfilment } from './fulfilment-plan';
import { summaries } from './outcome-text';
import { registerIndex } from './register-facts';
import { validateWithheld } from './withholding';
import type { FulfilInput, FulfilmentContext, FulfilmentResult } from './fulfilment.types';

/** Access (GDPR Art. 15): the package as JSON, a readable HTML page and CSV. */
@Injectable()
export class AccessService {
  async fulfil(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
    return this.plan(ctx, input).result;
  }

  /**
   * The package and what it hands over, record by record. Building it writes
   * nothing: FulfilmentService stores the files and the hand-over, so `apply` has nothing to do.
   */
  plan(ctx: FulfilmentContext, input: FulfilInput): PlannedFulfilment {
    const withheld = validateWithheld(ctx, input.withheldDisclosureIds);
    const pkg = buildAccessPackage({
      controller: ctx.controller,
      registers: ctx.registers,
      data: ctx.data,
      request: { reference: ctx.request.reference, receivedAt: new Date(ctx.request.receivedAt), locale: ctx.request.locale },
      now: ctx.now,
      withheldDisclosureIds: withheld,
    });
    const records = pkg.registers.reduce((n, r) => n + r.records.length, 0);
    const base = `access-${ctx.request.reference}`;
    const defs = registerIndex(ctx.registers);
    const handed = new Set(pkg.registers.flatMap((r) => r.records.map((x) => x.recordId)));
    const planned = ctx.data.records.filter((r) => handed.has(r.id)).map((r) => plannedRecord(r, defs, ctx.data.sourceSystems, pkg.language, 'hand-over'));
    const result: FulfilmentResult = {
      outcome: {
        type: 'access',
        language: pkg.language,
        summary: records || pkg.registers.length ? summaries(pkg.language).access(records, pkg.registers.length) : summaries(pkg.language).noData(),
        counts: { records, registers: pkg.registers.length },
      },
      artifacts: [
        { kind: 'access-html', fileName: `${base}.html`, contentType: 'text/html; charset=utf-8', body: accessPackageHtml(pkg) },
        { kind: 'access-json', fileName: `${base}.json`, contentType: 'application/json; charset=utf-8', body: accessPackageJson(pkg) },
        { kind: 'access-csv', fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: accessPackageCsv(pkg) },
      ],
      audit: { records, registers: pkg.registers.map((r) => r.id), withheld },
      handedToSubject: pkg.registers.map((r) => ({ registerKey: r.id, categories: [...new Set(r.records.map((x) => x.categoryId))] })),
    };
    return { result, records: planned, webhooks: [], apply: async () => undefined };
  }
}
