import { DomainEvents } from '@regula/platform';
import { ConsentWithdrawn } from '@regula/subjects';
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
  webhooks: WebhookEnqueuer,
  consents: ConsentView[],
  withdrawnAt: Date,
  effectiveAt: Date,
): Promise<{ withdrawn: number; notified: string[] }> {
  if (!consents.length) return { withdrawn: 0, notified: [] };
  await ctx.em.query(
    `UPDATE consents SET withdrawn_at = COALESCE(withdrawn_at, $1),
       withdrawal_effective_at = LEAST(COALESCE(withdrawal_effective_at, $2), $2)
     WHERE tenant_id = $3 AND subject_id = $4 AND id = ANY($5::uuid[])`,
    [withdrawnAt, effectiveAt, ctx.tenantId, ctx.subjectId, consents.map((c) => c.id)],
  );
  for (const c of consents) {
    // The effective time the update stored: an earlier one recorded before stands.
    const earlier = c.withdrawalEffectiveAt && new Date(c.withdrawalEffectiveAt).getTime() < effectiveAt.getTime() ? new Date(c.withdrawalEffectiveAt) : null;
    await DomainEvents.publish(ctx.em, new ConsentWithdrawn({ tenantId: ctx.tenantId, consentId: c.id, effectiveAt: earlier ?? effectiveAt }));
  }
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
