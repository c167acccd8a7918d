import { EntityManager, QueryRunner } from 'typeorm';

/**
 * What a transaction does last, in the transaction, right before its
 * outermost COMMIT: `flush` gets every item added during the transaction, in
 * the order they were added, less those of savepoints rolled back. Used for
 * work that must commit with the transaction but should hold a shared lock
 * for as short a time as possible (the audit chain's append: the lock is
 * taken in the flush and released by the COMMIT that follows).
 */
export interface CommitBatch<T> {
  flush(em: EntityManager, items: T[]): Promise<void>;
}

type Runner = QueryRunner & { transactionDepth?: number };

interface Queued {
  batch: CommitBatch<unknown>;
  /** The transaction depth the item was added at (1: the transaction, 2+: savepoints). */
  depth: number;
  item: unknown;
}

const queued = new WeakMap<QueryRunner, Queued[]>();
const hooked = new WeakSet<QueryRunner>();

const depthOf = (qr: Runner): number => qr.transactionDepth ?? 1;

/**
 * Adds `item` to `batch` for the transaction of `em`; false when `em` is in no
 * transaction (the caller does the work at once, in a transaction of its own).
 * A flush that throws fails the commit: the transaction rolls back whole.
 */
export function beforeCommit<T>(em: EntityManager, batch: CommitBatch<T>, item: T): boolean {
  const qr = em.queryRunner as Runner | undefined;
  if (!qr?.isTransactionActive) return false;
  hook(qr);
  const list = queued.get(qr) ?? [];
  list.push({ batch: batch as CommitBatch<unknown>, depth: depthOf(qr), item });
  queued.set(qr, list);
  return true;
}

/**
 * Wraps this query runner's commit and rollback (once; the wrappers are on this
 * instance only). TypeORM's before-commit event would do for the commit, but
 * only where a subscriber is registered on the data source; the wrappers hold
 * wherever the entity manager came from (a CLI command, a test's data source).
 */
function hook(qr: Runner): void {
  if (hooked.has(qr)) return;
  hooked.add(qr);
  const commit = qr.commitTransaction.bind(qr);
  const rollback = qr.rollbackTransaction.bind(qr);
  qr.commitTransaction = async () => {
    const depth = depthOf(qr);
    const list = queued.get(qr);
    if (depth > 1) {
      // A savepoint released: its items now belong to the level around it.
      for (const q of list ?? []) if (q.depth >= depth) q.depth = depth - 1;
    } else if (list?.length) {
      queued.delete(qr);
      const batches = new Map<CommitBatch<unknown>, unknown[]>();
      for (const q of list) {
        const items = batches.get(q.batch);
        if (items) items.push(q.item);
        else batches.set(q.batch, [q.item]);
      }
      for (const [batch, items] of batches) await batch.flush(qr.manager, items);
    }
    return commit();
  };
  qr.rollbackTransaction = async () => {
    const depth = depthOf(qr);
    const list = queued.get(qr);
    if (list) {
      const kept = list.filter((q) => q.depth < depth);
      if (kept.length) queued.set(qr, kept);
      else queued.delete(qr);
    }
    return rollback();
  };
}
