import { Injectable, Logger } from '@nestjs/common';
import { RegisteredSubscriber } from './registered-subscriber';
import { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

interface Pending {
  depth: number;
  run: () => Promise<unknown>;
}

type WithDepth = QueryRunner & { transactionDepth?: number };

/**
 * Runs work after the caller's transaction commits: typically adding the
 * BullMQ job for an outbox row written in that transaction, so a job never
 * points at a row that a rollback undid, and never runs before the row is
 * visible. A rollback drops the work of the rows it undid (savepoints
 * included). Outside a transaction the work runs at once. Failures are logged,
 * never thrown: each outbox has a sweep that finds rows whose job was lost.
 */
@Injectable()
export class AfterCommit extends RegisteredSubscriber implements EntitySubscriberInterface {
  private readonly logger = new Logger('after-commit');
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  /** Runs `work` once the transaction of `em` has committed (at once when there is none). */
  async run(em: EntityManager, work: () => Promise<unknown>): Promise<void> {
    const qr = em.queryRunner;
    if (!qr?.isTransactionActive) return this.safely(work);
    const list = this.pending.get(qr) ?? [];
    list.push({ depth: (qr as WithDepth).transactionDepth ?? 1, run: work });
    this.pending.set(qr, list);
  }

  /** TypeORM hook: the outermost commit releases the work. */
  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const qr = event.queryRunner;
    if (qr.isTransactionActive) return; // a savepoint was released: wait for the real commit
    const list = this.pending.get(qr);
    if (!list?.length) return;
    this.pending.delete(qr);
    await Promise.all(list.map((p) => this.safely(p.run)));
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

  private async safely(work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.logger.warn(`after-commit work failed (its outbox sweep will retry): ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
