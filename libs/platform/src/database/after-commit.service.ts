import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

interface Pending {
  depth: number;
  run: () => Promise<unknown>;
  /** Work of the same key is done once per transaction. */
  key?: string;
}

type WithDepth = QueryRunner & { transactionDepth?: number };

/**
 * Runs work after the caller's transaction commits: typically adding the
 * BullMQ job for an outbox row written in that transaction, so a job never
 * points at a row that a rollback undid, and never runs before the row is
 * visible. A rollback drops the work of the rows it undid (savepoints
 * included). Outside a transaction the work runs at once. Failures are logged,
 * never thrown: each outbox has a sweep that finds rows whose job was lost.
 *
 * The work runs once the transaction's connection is back in the pool, not in
 * TypeORM's after-commit event (which fires before the release): work that
 * queries (the SLA scheduler reloads the request) would otherwise wait for a
 * second pooled connection while holding the first, and a burst of as many
 * commits as the pool has connections deadlocked it until the connect
 * timeout (issue 12). The caller's `transaction()` still resolves only after
 * the work, since TypeORM awaits the release.
 *
 * It is the one TypeORM subscriber (for the transaction events only): work a
 * change starts elsewhere is published as a domain event (DomainEvents),
 * which AfterCommit delivers.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('after-commit');
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();
  /** Work of a committed transaction, waiting for its connection's release. */
  private readonly committed = new WeakMap<QueryRunner, Pending[]>();
  private readonly hooked = new WeakSet<QueryRunner>();

  constructor(private readonly dataSource: DataSource) {}

  /** Joins the data source's subscribers when its module starts, leaves when it stops (several apps may share a process in tests). */
  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  onModuleDestroy(): void {
    const i = this.dataSource.subscribers.indexOf(this);
    if (i >= 0) this.dataSource.subscribers.splice(i, 1);
  }

  /**
   * Runs `work` once the transaction of `em` has committed (at once when there
   * is none). With a `key`, work of that key already waiting in the transaction
   * is not added again: it runs once, however often the transaction asked for it.
   */
  async run(em: EntityManager, work: () => Promise<unknown>, key?: string): Promise<void> {
    const qr = em.queryRunner;
    if (!qr?.isTransactionActive) return this.safely(work);
    const depth = (qr as WithDepth).transactionDepth ?? 1;
    const list = this.pending.get(qr) ?? [];
    // Only one a rollback would drop no sooner than this one stands for it (added at this level of savepoints or an outer one).
    if (key !== undefined && list.some((p) => p.key === key && p.depth <= depth)) return;
    list.push({ depth, run: work, key });
    this.pending.set(qr, list);
    this.runAfterRelease(qr);
  }

  /** TypeORM hook: the outermost commit hands the work to the connection's release. */
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const qr = event.queryRunner;
    if (qr.isTransactionActive) return; // a savepoint was released: wait for the real commit
    const list = this.pending.get(qr);
    if (!list?.length) return;
    this.pending.delete(qr);
    this.committed.set(qr, [...(this.committed.get(qr) ?? []), ...list]);
  }

  /** TypeORM hook: a rollback drops the work of what it undid. */
  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const qr = event.queryRunner;
    const list = this.pending.get(qr);
    if (!list) return;
    if (!qr.isTransactionActive) this.pending.delete(qr);
    else {
      const depth = (qr as WithDepth).transactionDepth ?? 0;
      this.pending.set(qr, list.filter((p) => p.depth <= depth));
    }
  }

  /**
   * Wraps this query runner's `release` (once) so the committed work runs
   * right after the connection went back to the pool. TypeORM has no event
   * for the release; the wrapper is on this instance only.
   */
  private runAfterRelease(qr: QueryRunner): void {
    if (this.hooked.has(qr)) return;
    this.hooked.add(qr);
    const release = qr.release.bind(qr);
    qr.release = async () => {
      try {
        return await release();
      } finally {
        const list = this.committed.get(qr);
        this.committed.delete(qr);
        this.pending.delete(qr);
        if (list?.length) await Promise.all(list.map((p) => this.safely(p.run)));
      }
    };
  }

  private async safely(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.logger.warn(`after-commit work failed (its outbox sweep will retry): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
