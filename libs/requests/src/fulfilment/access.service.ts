import { Injectable } from '@nestjs/common';
import { accessPackageCsv, accessPackageHtml, accessPackageJson, buildAccessPackage } from './access-package.builder';
import { summaries } from './outcome-text';
import { validateWithheld } from './withholding';
import type { FulfilInput, FulfilmentContext, FulfilmentResult } from './fulfilment.types';

/** Access (GDPR Art. 15): the package as JSON, a readable HTML page and CSV. */
@Injectable()
export class AccessService {
  async fulfil(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
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
    return {
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
  }
}
