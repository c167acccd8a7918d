import type { ConsentWrites } from '@regula/subjects';
import type { ConsentView } from './subject-data';
import type { WebhookBatch } from './fulfilment-plan';
import { sendBatches, systemsOfRegisters, webhookBatches } from './source-notifier';
import type { FulfilmentContext, WebhookEnqueuer } from './fulfilment.types';

/**
 * Records the withdrawal of consents (GDPR Art. 7(3)) and tells the systems
 * that hold them (`consent.withdrawn`): the system that reported a consent,
 * or for consents given on Regula's pages the systems of its register.
 * A withdrawal is in effect from the instant it reached the controller
 * (GDPR Art. 7(3)); one already recorded keeps its time, an earlier effect wins.
 * Each withdrawal publishes ConsentWithdrawn (libs/consent applies its effect on the records right after the commit).
 */
export async function withdrawConsents(
  ctx: FulfilmentContext,
  { webhooks, consents: writes }: { webhooks: WebhookEnqueuer; consents: ConsentWrites },
  consents: ConsentView[],
  withdrawnAt: Date,
): Promise<{ withdrawn: number; notified: string[] }> {
  const planned = planConsentWithdrawal(ctx, consents, withdrawnAt);
  await applyConsentWithdrawal(ctx, { webhooks, consents: writes }, planned, withdrawnAt);
  return { withdrawn: planned.consentIds.length, notified: planned.webhooks.map((b) => b.system) };
}

export interface PlannedConsentWithdrawal {
  consentIds: string[];
  webhooks: WebhookBatch[];
}

/** The withdrawals and `consent.withdrawn` webhooks `withdrawConsents` would write, computed without writing. */
export function planConsentWithdrawal(ctx: FulfilmentContext, consents: ConsentView[], withdrawnAt: Date): PlannedConsentWithdrawal {
  if (!consents.length) return { consentIds: [], webhooks: [] };
  const items = consents.flatMap((c) => {
    const at = (c.withdrawnAt ?? withdrawnAt).toISOString();
    // In effect from its withdrawal (Art. 7(3)): the systems stop processing on the consent now.
    const item = { consentId: c.id, externalId: c.externalId, registerKey: c.registerKey, purposeId: c.purposeId, withdrawnAt: at, effectiveAt: at };
    const systems = c.sourceSystemId ? [c.sourceSystemId] : systemsOfRegisters(ctx, [c.registerKey]);
    return systems.map((sourceSystemId) => ({ sourceSystemId, item }));
  });
  return { consentIds: consents.map((c) => c.id), webhooks: webhookBatches(ctx, 'consent.withdrawn', items, (list) => ({ consents: list })) };
}

/** Carries out a planned withdrawal: the consents (each publishes ConsentWithdrawn) and the webhooks. */
export async function applyConsentWithdrawal(
  ctx: FulfilmentContext,
  { webhooks, consents: writes }: { webhooks: WebhookEnqueuer; consents: ConsentWrites },
  planned: PlannedConsentWithdrawal,
  withdrawnAt: Date,
): Promise<void> {
  if (!planned.consentIds.length) return;
  await writes.withdraw(ctx.em, ctx.tenantId, ctx.subjectId, planned.consentIds, withdrawnAt);
  await sendBatches(webhooks, ctx, planned.webhooks);
}

/** Consents still in effect at `at` (not withdrawn, or withdrawn with a later effect: only a withdrawal received after `at`). */
export function activeConsents(consents: ConsentView[], at: Date): ConsentView[] {
  return consents.filter((c) => !c.withdrawnAt || (c.withdrawalEffectiveAt && new Date(c.withdrawalEffectiveAt).getTime() > at.getTime()));
}
