import { Inject, Injectable } from '@nestjs/common';
import type { Lang, Register } from '@regula/engine';
import { ObjectionFlags, RecordRestriction } from '@regula/subjects';
import { answerLanguage, tr } from './fulfilment-text';
import { summaries } from './outcome-text';
import { plannedRecord, type PlannedFulfilment } from './fulfilment-plan';
import { registerIndex } from './register-facts';
import { recipientsToInform, sendBatches, webhookBatches } from './source-notifier';
import type { RecordView } from './subject-data';
import { registersInScope, resolveScope } from './scope';
import { FULFILMENT_WEBHOOKS, type FulfilInput, type FulfilmentContext, type FulfilmentResult, type WebhookEnqueuer } from './fulfilment.types';

const GROUNDS = {
  a: 'the accuracy of the data is contested',
  b: 'the processing is unlawful and the subject opposes erasure',
  c: 'the subject needs the data for legal claims',
  d: 'an objection is pending verification',
} as const;

/**
 * Restriction (GDPR Art. 18): a `processing_objections` row of kind
 * 'restriction' per register in scope (or one for every register), and the
 * subject's records there marked `restricted_at` (stored only; Art. 18(2)).
 * The systems holding them get `record.restricted`. A record already
 * restricted keeps its earlier reason.
 */
@Injectable()
export class RestrictionService {
  constructor(
    @Inject(FULFILMENT_WEBHOOKS) private readonly webhooks: WebhookEnqueuer,
    private readonly flags: ObjectionFlags,
    private readonly restriction: RecordRestriction,
  ) {}

  async fulfil(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
    const planned = this.plan(ctx, input);
    await planned.apply();
    return planned.result;
  }

  /** What the restriction will do, computed without writing; `apply()` does it. */
  plan(ctx: FulfilmentContext, input: FulfilInput): PlannedFulfilment {
    const { em, now } = ctx;
    const lang = answerLanguage(ctx.request.locale);
    const scope = resolveScope(ctx, input);
    const scoped = scope.registers ?? (scope.purposes ? registersInScope(ctx, scope) : null);
    const ground = input.restrictionGround ? `Art. 18(1)(${input.restrictionGround}): ${GROUNDS[input.restrictionGround]}` : 'Art. 18(1)';
    const reason = `restricted at the subject's request, GDPR ${ground} (request ${ctx.request.reference})`;

    const keys = scoped ? new Set(scoped.map((r) => r.id)) : null;
    const records = ctx.data.records.filter((r) => !r.erasedAt && (!keys || keys.has(r.registerKey)));
    const fresh = records.filter((r) => !r.restrictedAt);
    const webhooks = webhookBatches(
      ctx, 'record.restricted',
      records.map((r) => ({ sourceSystemId: r.sourceSystemId, item: { externalId: r.externalId, registerKey: r.registerKey, categoryId: r.categoryId, reason: r.restrictedAt ? r.restrictionReason : reason } })),
      (list) => ({ records: list, restrictedAt: now.toISOString(), ground: `GDPR ${ground}` }),
    );
    const apply = async (): Promise<void> => {
      for (const registerKey of scoped ? scoped.map((r) => r.id) : [null]) {
        await this.flags.flag(em, ctx.tenantId, { subjectId: ctx.subjectId, kind: 'restriction', registerKey, purposeId: null, requestId: ctx.request.id, effectiveAt: now });
      }
      await this.restriction.restrictUnrestricted(em, ctx.tenantId, ctx.subjectId, fresh.map((r) => r.id), now, reason);
      await sendBatches(this.webhooks, ctx, webhooks);
    };
    const defs = registerIndex(ctx.registers);
    const planned = records.map((r) => plannedRecord(r, defs, ctx.data.sourceSystems, lang, r.restrictedAt ? 'already-restricted' : 'restrict'));
    const notified = webhooks.map((b) => b.system);
    return { result: this.outcome(ctx, lang, scoped, ground, records, fresh, notified), records: planned, webhooks, apply };
  }

  private outcome(
    ctx: FulfilmentContext, lang: Lang, scoped: Register[] | null, ground: string, records: RecordView[], fresh: RecordView[], notified: string[],
  ): FulfilmentResult {
    return {
      outcome: {
        type: 'restriction',
        language: lang,
        summary: summaries(lang).restriction(records.length),
        scope: scoped ? scoped.map((r) => ({ register: r.id, registerName: tr(r.name, lang) })) : 'all',
        ground: `GDPR ${ground}`,
        counts: { restricted: records.length, newlyRestricted: fresh.length },
        sourceSystemsNotified: notified,
        recipientsToInform: recipientsToInform(ctx, new Set(records.map((r) => r.registerKey))),
      },
      audit: { scope: scoped ? scoped.map((r) => r.id) : 'all', ground, records: records.length },
    };
  }
}
