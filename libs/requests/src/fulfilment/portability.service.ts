import { Injectable } from '@nestjs/common';
import { plannedRecord, type PlannedFulfilment } from './fulfilment-plan';
import { buildPortabilityExport, isPortableRecord, portabilityCsv, portabilityJson } from './portability.exporter';
import { registerIndex } from './register-facts';
import { summaries } from './outcome-text';
import type { FulfilmentContext, FulfilmentResult } from './fulfilment.types';

/** Portability (GDPR Art. 20): what the subject provided, on consent or contract, as JSON and CSV. */
@Injectable()
export class PortabilityService {
  async fulfil(ctx: FulfilmentContext): Promise<FulfilmentResult> {
    return this.plan(ctx).result;
  }

  /** The export and the records it hands over; building it writes nothing (FulfilmentService stores the files). */
  plan(ctx: FulfilmentContext): PlannedFulfilment {
    const exp = buildPortabilityExport({
      controller: ctx.controller,
      registers: ctx.registers,
      records: ctx.data.records,
      request: { reference: ctx.request.reference, locale: ctx.request.locale },
      now: ctx.now,
    });
    const base = `portability-${ctx.request.reference}`;
    const byRegister = new Map<string, Set<string>>();
    for (const r of exp.records) byRegister.set(r.register, (byRegister.get(r.register) ?? new Set()).add(r.category));
    const defs = registerIndex(ctx.registers);
    const planned = ctx.data.records
      .filter((r) => isPortableRecord(r, defs.get(r.registerKey)))
      .map((r) => plannedRecord(r, defs, ctx.data.sourceSystems, exp.language, 'hand-over'));
    const result: FulfilmentResult = {
      outcome: {
        type: 'portability',
        language: exp.language,
        summary: exp.records.length
          ? summaries(exp.language).portability(exp.records.length)
          : exp.excluded ? summaries(exp.language).portabilityNone() : summaries(exp.language).noData(),
        counts: { records: exp.records.length, notPortable: exp.excluded },
      },
      artifacts: [
        { kind: 'portability-json', fileName: `${base}.json`, contentType: 'application/json; charset=utf-8', body: portabilityJson(exp) },
        { kind: 'portability-csv', fileName: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: portabilityCsv(exp) },
      ],
      audit: { records: exp.records.length, notPortable: exp.excluded },
      handedToSubject: [...byRegister].map(([registerKey, cats]) => ({ registerKey, categories: [...cats] })),
    };
    return { result, records: planned, webhooks: [], apply: async () => undefined };
  }
}
