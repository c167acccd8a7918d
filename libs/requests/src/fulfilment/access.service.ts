import { Injectable } from '@nestjs/common';
import { buildAccessFrame, heldCategoriesOf } from './access-package.builder';
import { accessFiles } from './access-package-files';
import { plannedRecord, type PlannedFulfilment } from './fulfilment-plan';
import { summaries } from './outcome-text';
import { registerIndex } from './register-facts';
import { validateWithheld } from './withholding';
import type { FulfilInput, FulfilmentContext } from './fulfilment.types';

/**
 * Access (GDPR Art. 15): the package as JSON, a readable HTML page and CSV.
 * The preview lists what will be handed over, record by record; the package
 * itself is built by the worker once the preview is confirmed
 * (`AccessPackageBuilds`), streaming the records into the three files.
 */
@Injectable()
export class AccessService {
  /** What the package will hold: the records handed over, the registers it describes, its files by name. Writes nothing. */
  plan(ctx: FulfilmentContext, input: FulfilInput): PlannedFulfilment {
    const withheld = validateWithheld(ctx, input.withheldDisclosureIds);
    const records = ctx.data.records.filter((r) => !r.erasedAt);
    const { records: _all, ...facts } = ctx.data;
    const frame = buildAccessFrame({
      controller: ctx.controller, registers: ctx.registers, data: facts, held: heldCategoriesOf(records),
      request: { reference: ctx.request.reference, receivedAt: new Date(ctx.request.receivedAt), locale: ctx.request.locale },
      now: ctx.now, withheldDisclosureIds: withheld,
    });
    const defs = registerIndex(ctx.registers);
    const planned = records.map((r) => plannedRecord(r, defs, ctx.data.sourceSystems, frame.language, 'hand-over'));
    return {
      result: {
        outcome: accessOutcome(frame.language, records.length, frame.registers.length),
        fileNames: accessFiles(ctx.request.reference).map((f) => f.fileName),
        audit: { records: records.length, registers: frame.registers.map((r) => r.id), withheld },
      },
      records: planned,
      webhooks: [],
      apply: async () => undefined,
    };
  }
}

/** The outcome of an access request (shown on the status page): what the package holds. */
export function accessOutcome(language: Parameters<typeof summaries>[0], records: number, registers: number): Record<string, unknown> {
  return {
    type: 'access',
    language,
    summary: records || registers ? summaries(language).access(records, registers) : summaries(language).noData(),
    counts: { records, registers },
  };
}
