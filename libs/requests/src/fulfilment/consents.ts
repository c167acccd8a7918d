import type { ConsentWrites } from '@regula/subjects';
import type { ConsentView } from './subject-data';
import { notifyPerSystem, systemsOfRegisters } from './source-notifier';
import type { FulfilmentContext, WebhookEnqueuer } from './fulfilment.types';

/**
 * Records the withdrawal of consents (GDPR Art. 7(3)) and tells the systems
 * that hold them (`consent.withdrawn`): the system that reported a consent,
 * or for consents given on Regula's pages the systems of its register.
 * A withdrawal already recorded keeps its time, but an earlier effect wins.
 * Each withdrawal publishes ConsentWithdrawn (its effect is scheduled after the commit).
 */
export async function withdrawConsents(
  ctx: FulfilmentContext,
  { webhooks, consents: writes }: { webhooks: WebhookEnqueuer; consents: ConsentWrites },
  consents: ConsentView[],
  withdrawnAt: Date,
  effectiveAt: Date,
): Promise<{ withdrawn: number; notified: string[] }> {
  if (!consents.length) return { withdrawn: 0, notified: [] };
  await writes.withdraw(ctx.em, ctx.tenantId, ctx.subjectId, consents.map((c) => c.id), withdrawnAt, effectiveAt);
  const items = consents.flatMap((c) => {
    const item = {
      consentId: c.id,
      externalId: c.externalId,
      registerKey: c.registerKey,
      purposeId: c.purposeId,
      withdrawnAt: (c.withdrawnAt ?? withdrawnAt).toISOString(),
      effectiveAt: effectiveAt.toISOString(),
    };
    const systems = c.sourceSystemId ? [c.sourceSystemId] : systemsOfRegisters(ctx, [c.registerKey]);
    return systems.map((sourceSystemId) => ({ sourceSystemId, item }));
  });
  const notified = await notifyPerSystem(webhooks, ctx, 'consent.withdrawn', items, (list) => ({ consents: list }));
  return { withdrawn: consents.length, notified };
}

/** Consents still in effect at `at` (not withdrawn, or withdrawn with a later effect). */
export function activeConsents(consents: ConsentView[], at: Date): ConsentView[] {
  return consents.filter((c) => !c.withdrawnAt || (c.withdrawalEffectiveAt && new Date(c.withdrawalEffectiveAt).getTime() > at.getTime()));
}
