import { Inject, Injectable } from '@nestjs/common';
import { formatLocalDate, localDateOf } from '@regula/engine';
import { ConsentWrites } from '@regula/subjects';
import { withdrawalLimitOf } from '../consent-withdrawal-limit';
import { activeConsents, applyConsentWithdrawal, planConsentWithdrawal } from './consents';
import type { PlannedFulfilment } from './fulfilment-plan';
import { plannedConsent } from './planned-items';
import { answerLanguage, tr } from './fulfilment-text';
import { summaries } from './outcome-text';
import { registerIndex } from './register-facts';
import { resolveScope } from './scope';
import { FULFILMENT_WEBHOOKS, type FulfilInput, type FulfilmentContext, type FulfilmentResult, type WebhookEnqueuer } from './fulfilment.types';

/**
 * Consent withdrawal (GDPR Art. 7(3)): the subject's consents for the chosen
 * purposes (or all of them) are withdrawn in effect from the instant the
 * request reached the controller (its `receivedAt`, not when an admin acts):
 * withdrawing must be as easy as giving consent, and it acts for the future
 * from when it is received. The systems holding the consents get
 * `consent.withdrawn` at once, and libs/consent restricts the records tied to
 * them right after the commit. Consents given after the request are not
 * touched.
 *
 * A controller's promise to act "within three working days" (Inomedis
 * notice clause 15, `requests.consentWithdrawalWorkingDays`) is an outer
 * limit for carrying the withdrawal out in its own systems, never a waiting
 * period (`consent-withdrawal-limit.ts`): the outcome records the limit and
 * whether it was kept; the dashboard shows it and libs/sla alarms on it.
 */
@Injectable()
export class ConsentWithdrawalService {
  constructor(@Inject(FULFILMENT_WEBHOOKS) private readonly webhooks: WebhookEnqueuer, private readonly consents: ConsentWrites) {}

  async fulfil(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
    const planned = this.plan(ctx, input);
    await planned.apply();
    return planned.result;
  }

  /** Which consents will be withdrawn, from when, and the webhooks, computed without writing; `apply()` does it. */
  plan(ctx: FulfilmentContext, input: FulfilInput): PlannedFulfilment {
    const lang = answerLanguage(ctx.request.locale);
    const { jurisdiction } = ctx.controller;
    const withdrawnAt = new Date(ctx.request.receivedAt);
    const limit = withdrawalLimitOf({ type: 'consent-withdrawal', receivedAt: withdrawnAt }, ctx.controller);
    const carryOutBy = limit ? { dueDate: limit.dueDate, dueAt: limit.dueAt.toISOString(), workingDays: limit.workingDays, kept: ctx.now.getTime() <= limit.dueAt.getTime() } : undefined;

    const scope = resolveScope(ctx, input);
    const inScope = (registerKey: string, purposeId: string) =>
      scope.purposes
        ? scope.purposes.some((x) => x.register.id === registerKey && x.purpose.id === purposeId)
        : !scope.registers || scope.registers.some((r) => r.id === registerKey);
    const candidates = activeConsents(ctx.data.consents, withdrawnAt).filter((c) => inScope(c.registerKey, c.purposeId));
    const chosen = candidates.filter((c) => new Date(c.givenAt).getTime() <= withdrawnAt.getTime());
    const withdrawal = planConsentWithdrawal(ctx, chosen, withdrawnAt);
    const apply = () => applyConsentWithdrawal(ctx, { webhooks: this.webhooks, consents: this.consents }, withdrawal, withdrawnAt);

    const defs = registerIndex(ctx.registers);
    const s = summaries(lang);
    const effectiveDate = formatLocalDate(localDateOf(withdrawnAt, jurisdiction.timeZone));
    const result: FulfilmentResult = {
      outcome: {
        type: 'consent-withdrawal',
        language: lang,
        summary: !chosen.length ? s.consentNone() : s.consentFrom(chosen.length, effectiveDate),
        withdrawnAt: withdrawnAt.toISOString(),
        effectiveAt: withdrawnAt.toISOString(),
        effectiveDate,
        ...(carryOutBy ? { carryOutBy } : {}),
        consents: chosen.map((c) => {
          const def = defs.get(c.registerKey);
          return {
            register: c.registerKey,
            registerName: tr(def?.name, lang) || c.registerKey,
            purpose: c.purposeId,
            purposeName: tr(def?.purposes.find((p) => p.id === c.purposeId)?.name, lang) || c.purposeId,
          };
        }),
        counts: { withdrawn: chosen.length, givenAfterRequest: candidates.length - chosen.length },
        sourceSystemsNotified: withdrawal.webhooks.map((b) => b.system),
      },
      audit: { consents: chosen.map((c) => c.id), withdrawnAt: withdrawnAt.toISOString(), effectiveAt: withdrawnAt.toISOString(), ...(carryOutBy ? { carryOutBy } : {}) },
    };
    const records = chosen.map((c) => plannedConsent(c, defs, ctx.data.sourceSystems, lang, effectiveDate));
    return { result, records, webhooks: withdrawal.webhooks, apply };
  }
}
