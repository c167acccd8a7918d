import type { WebhookEvent } from '@regula/ingest';
import type { WebhookBatch } from './fulfilment-plan';
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
  const batches = webhookBatches(ctx, event, items, payload);
  await sendBatches(webhooks, ctx, batches);
  return batches.map((b) => b.system);
}

/** The webhooks `notifyPerSystem` sends, without sending them (the plan of a fulfilment). */
export function webhookBatches<T>(
  ctx: Pick<FulfilmentContext, 'request' | 'subjectId' | 'data'>,
  event: WebhookEvent,
  items: { sourceSystemId: string; item: T }[],
  payload: (items: T[]) => Record<string, unknown>,
): WebhookBatch[] {
  const bySystem = new Map<string, T[]>();
  for (const { sourceSystemId, item } of items) bySystem.set(sourceSystemId, [...(bySystem.get(sourceSystemId) ?? []), item]);
  return [...bySystem].sort(([a], [b]) => a.localeCompare(b)).map(([sourceSystemId, list]) => ({
    sourceSystemId,
    system: ctx.data.sourceSystems[sourceSystemId] ?? sourceSystemId,
    event,
    items: list.length,
    payload: { requestReference: ctx.request.reference, subjectId: ctx.subjectId, ...payload(list) },
  }));
}

/** Writes planned webhooks to the outbox, in the fulfilment's transaction. */
export async function sendBatches(webhooks: WebhookEnqueuer, ctx: Pick<FulfilmentContext, 'em' | 'tenantId'>, batches: WebhookBatch[]): Promise<void> {
  for (const b of batches) await webhooks.enqueue(ctx.em, { tenantId: ctx.tenantId, sourceSystemId: b.sourceSystemId, event: b.event, payload: b.payload });
}

/** The systems' names, each once, sorted (the outcome's `sourceSystemsNotified`). */
export function systemNames(...batches: WebhookBatch[][]): string[] {
  return [...new Set(batches.flat().map((b) => b.system))].sort();
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
