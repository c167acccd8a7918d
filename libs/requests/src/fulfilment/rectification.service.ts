import { Inject, Injectable } from '@nestjs/common';
import { InvalidInputError } from '@regula/platform';
import { RecordRectification } from '@regula/subjects';
import { answerLanguage, tr } from './fulfilment-text';
import { summaries } from './outcome-text';
import { registerIndex } from './register-facts';
import { displayValue, isSpecial, plannedRecord, type PlannedFulfilment } from './fulfilment-plan';
import { recipientsToInform, sendBatches, webhookBatches } from './source-notifier';
import { FULFILMENT_WEBHOOKS, type FulfilInput, type FulfilmentContext, type FulfilmentResult, type WebhookEnqueuer } from './fulfilment.types';

const MAX_CORRECTIONS = 500;

/**
 * Rectification (GDPR Art. 16): the admin applies the corrections the
 * subject asked for, record by record. Each record must be one of this
 * subject's (in this tenant) and not erased. Old and new values go into the
 * audit entry; the systems holding the records get `record.rectified` with
 * the new value (Art. 19).
 */
@Injectable()
export class RectificationService {
  constructor(@Inject(FULFILMENT_WEBHOOKS) private readonly webhooks: WebhookEnqueuer, private readonly records: RecordRectification) {}

  async fulfil(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
    const planned = this.plan(ctx, input);
    await planned.apply();
    return planned.result;
  }

  /** The corrections checked and planned without writing; `apply()` writes them. */
  plan(ctx: FulfilmentContext, input: FulfilInput): PlannedFulfilment {
    const corrections = input.corrections ?? [];
    if (!corrections.length) throw new InvalidInputError('a rectification needs corrections: [{ recordId, value }]');
    if (corrections.length > MAX_CORRECTIONS) throw new InvalidInputError(`at most ${MAX_CORRECTIONS} corrections at once`);
    const ids = corrections.map((c) => c.recordId);
    if (new Set(ids).size !== ids.length) throw new InvalidInputError('a record is corrected twice');
    const byId = new Map(ctx.data.records.map((r) => [r.id, r]));
    for (const c of corrections) {
      const record = byId.get(c.recordId);
      if (!record) throw new InvalidInputError(`record ${c.recordId} is not one of this subject's records`);
      if (record.erasedAt) throw new InvalidInputError(`record ${c.recordId} was erased and cannot be corrected`);
      if (c.value === undefined || c.value === null) throw new InvalidInputError(`record ${c.recordId}: a correction needs a value (erasure is a request of its own)`);
    }

    const lang = answerLanguage(ctx.request.locale);
    const defs = registerIndex(ctx.registers);
    const changes = corrections.map((c) => ({ record: byId.get(c.recordId)!, old: byId.get(c.recordId)!.value, value: c.value }));
    const webhooks = webhookBatches(
      ctx, 'record.rectified',
      changes.map(({ record, value }) => ({ sourceSystemId: record.sourceSystemId, item: { externalId: record.externalId, registerKey: record.registerKey, categoryId: record.categoryId, value } })),
      (records) => ({ records, rectifiedAt: ctx.now.toISOString() }),
    );
    const apply = async (): Promise<void> => {
      for (const { record, value } of changes) await this.records.rectify(ctx.em, ctx.tenantId, ctx.subjectId, record.id, value);
      await sendBatches(this.webhooks, ctx, webhooks);
    };
    const planned = changes.map(({ record, old, value }) => {
      const special = isSpecial(record, defs);
      return plannedRecord(record, defs, ctx.data.sourceSystems, lang, 'rectify', { from: displayValue(old, special), to: displayValue(value, special) });
    });
    const notified = webhooks.map((b) => b.system);
    const registers = new Set(changes.map((c) => c.record.registerKey));
    const result: FulfilmentResult = {
      outcome: {
        type: 'rectification',
        language: lang,
        summary: summaries(lang).rectification(changes.length),
        rectified: changes.map(({ record }) => {
          const def = defs.get(record.registerKey);
          return {
            register: record.registerKey,
            registerName: tr(def?.name, lang) || record.registerKey,
            category: record.categoryId,
            categoryName: tr(def?.dataCategories.find((c) => c.id === record.categoryId)?.name, lang) || record.categoryId,
          };
        }),
        counts: { rectified: changes.length },
        sourceSystemsNotified: notified,
        recipientsToInform: recipientsToInform(ctx, registers),
      },
      audit: {
        corrections: changes.map(({ record, old, value }) => ({
          recordId: record.id, registerKey: record.registerKey, categoryId: record.categoryId, externalId: record.externalId, old, new: value,
        })),
      },
    };
    return { result, records: planned, webhooks, apply };
  }
}
