import type { WebhookEvent } from '@regula/ingest';
import { registerIndex } from './register-facts';
import type { FulfilmentContext, WebhookEnqueuer } from './fulfilment.types';

/**
 * Tells the tenant's source systems what fulfilment changed (GDPR Art. 19:
 * rectification, erasure and restriction reach everyone the data went to;
 * the source systems hold the originals): one webhook per system and event,
 * written to the outbox in the fulfilment's transaction.
 */
export async function notifyPerSystem<T>(
  webhooks: WebhookEnqueuer,
  ctx: FulfilmentContext,
  event: WebhookEvent,
  items: { sourceSystemId: string; item: T }[],
  payload: (items: T[]) => Record<string, unknown>,
): Promise<string[]> {
  const bySystem = new Map<string, T[]>();
  for (const { sourceSystemId, item } of items) bySystem.set(sourceSystemId, [...(bySystem.get(sourceSystemId) ?? []), item]);
  const notified: string[] = [];
  for (const [sourceSystemId, list] of [...bySystem].sort(([a], [b]) => a.localeCompare(b))) {
    await webhooks.enqueue(ctx.em, {
      tenantId: ctx.tenantId,
      sourceSystemId,
      event,
      payload: { requestReference: ctx.request.reference, subjectId: ctx.subjectId, ...payload(list) },
    });
    notified.push(ctx.data.sourceSystems[sourceSystemId] ?? sourceSystemId);
  }
  return notified;
}

/** Ids of the tenant's source systems that the registers name in `systems`. */
export function systemsOfRegisters(ctx: FulfilmentContext, registerKeys: Iterable<string>): string[] {
  const defs = registerIndex(ctx.registers);
  const names = new Set<string>();
  for (const key of registerKeys) for (const n of defs.get(key)?.systems ?? []) names.add(n);
  return Object.entries(ctx.data.sourceSystems).filter(([, name]) => names.has(name)).map(([id]) => id);
}

/** Recipients the disclosure log says received data of these registers (Art. 19: they must be told too). */
export function recipientsToInform(ctx: FulfilmentContext, registerKeys: Iterable<string>): string[] {
  const keys = new Set(registerKeys);
  return [...new Set(ctx.data.disclosures.filter((d) => keys.has(d.registerKey) && d.recipientId !== 'data-subject').map((d) => d.recipientName))].sort();
}
