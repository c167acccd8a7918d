import { Inject, Injectable } from '@nestjs/common';
import { formatLocalDate, localDateOf, workingDaysDeadline, type Country } from '@regula/engine';
import { ConsentWrites } from '@regula/subjects';
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
 * purposes (or all of them) are withdrawn as of the moment the request
 * reached the controller. The withdrawal takes effect at once, or where the
 * controller promises a period (`requests.consentWithdrawalWorkingDays`:
 * Inomedis clause 15, three working days) at the end of that period as the
 * engine computes it (Regulation 1182/71, the controller's public holidays
 * and time zone). Consents given after the request are not touched. The
 * systems holding them get `consent.withdrawn` with the effective time; the
 * worker that applies delayed effects acts on `withdrawal_effective_at`.
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
    const { jurisdiction, requests } = ctx.controller;
    const withdrawnAt = new Date(ctx.request.receivedAt);
    const days = requests.consentWithdrawalWorkingDays ?? 0;
    const deadline = days > 0
      ? workingDaysDeadline({ country: jurisdiction.country as Country, timeZone: jurisdiction.timeZone, received: withdrawnAt }, days)
      : null;
    const effectiveAt = deadline ? deadline.dueAt : withdrawnAt;

    const scope = resolveScope(ctx, input);
    const inScope = (registerKey: string, purposeId: string) =>
      scope.purposes
        ? scope.purposes.some((x) => x.register.id === registerKey && x.purpose.id === purposeId)
        : !scope.registers || scope.registers.some((r) => r.id === registerKey);
    const candidates = activeConsents(ctx.data.consents, withdrawnAt).filter((c) => inScope(c.registerKey, c.purposeId));
    const chosen = candidates.filter((c) => new Date(c.givenAt).getTime() <= withdrawnAt.getTime());
    const withdrawal = planConsentWithdrawal(ctx, chosen, withdrawnAt, effectiveAt);
    const apply = () => applyConsentWithdrawal(ctx, { webhooks: this.webhooks, consents: this.consents }, withdrawal, withdrawnAt, effectiveAt);

    const defs = registerIndex(ctx.registers);
    const s = summaries(lang);
    const effectiveDate = formatLocalDate(localDateOf(effectiveAt, jurisdiction.timeZone));
    const result: FulfilmentResult = {
      outcome: {
        type: 'consent-withdrawal',
        language: lang,
        summary: !chosen.length ? s.consentNone() : deadline ? s.consentOn(chosen.length, deadline.dueDate) : s.consentNow(chosen.length),
        withdrawnAt: withdrawnAt.toISOString(),
        effectiveAt: effectiveAt.toISOString(),
        effectiveDate,
        workingDays: days,
        ...(deadline ? { deadline: { dueDate: deadline.dueDate, explanation: deadline.explanation } } : {}),
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
      audit: { consents: chosen.map((c) => c.id), withdrawnAt: withdrawnAt.toISOString(), effectiveAt: effectiveAt.toISOString(), workingDays: days },
    };
    const records = chosen.map((c) => plannedConsent(c, defs, ctx.data.sourceSystems, lang, effectiveDate));
    return { result, records, webhooks: withdrawal.webhooks, apply };
  }
}
