import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AfterCommit } from '../database/after-commit.service';

/**
 * A fact a lib tells the others about, after its transaction committed: "a
 * request's clock moved", "a consent was withdrawn". The publishing lib
 * declares the event (a subclass naming it, with its typed payload: ids and
 * times, never personal data); the libs that act on it register a handler.
 * The publisher never imports its handlers' libs.
 */
export abstract class DomainEvent<P extends object> {
  constructor(readonly payload: Readonly<P>) {}
}

/** An event class, the key handlers are registered under. */
export type DomainEventType<E extends DomainEvent<object>> = abstract new (...args: never[]) => E;
export type PayloadOf<E> = E extends DomainEvent<infer P> ? Readonly<P> : never;
export type DomainEventHandler<E extends DomainEvent<object>> = (payload: PayloadOf<E>) => Promise<unknown>;

/** The DomainEvents of each data source (one per app), for the static `publish`. */
const byDataSource = new WeakMap<DataSource, DomainEvents>();

/**
 * Domain events delivered after the publisher's transaction: the work a
 * change starts elsewhere is a visible `publish` where the change is made
 * and an `on(Type, handler)` where the feature lives (in place of TypeORM
 * subscribers, which started it from inside the ORM).
 *
 * Delivery goes through AfterCommit: only after the commit, once the
 * transaction's connection is back in the pool (a handler may open its own
 * transaction), and never for a rolled-back one (savepoints included); at
 * once outside a transaction. A handler's failure is logged, never thrown to
 * the publisher: each handled event has a sweep that finds what a lost
 * delivery missed. An app that registered no handler for an event (the CLI)
 * delivers it to nobody.
 */
@Injectable()
export class DomainEvents implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('domain-events');
  private readonly handlers = new Map<DomainEventType<DomainEvent<object>>, DomainEventHandler<DomainEvent<object>>[]>();

  constructor(private readonly dataSource: DataSource, private readonly afterCommit: AfterCommit) {}

  /**
   * Publishes `event` in the transaction of `em`: its handlers run after the
   * commit. Called as `DomainEvents.publish(em, event)` by code that has a
   * transaction but no injector (ingest batches, fulfilment steps).
   */
  static publish(em: EntityManager, event: DomainEvent<object>): Promise<void> {
    const events = byDataSource.get(em.connection);
    return events ? events.publish(em, event) : Promise.resolve();
  }

  /**
   * The same event (type and payload) published twice in one transaction is
   * delivered once: handlers reload the state, so a second delivery would
   * only repeat their work (a filing's two journal entries both move its clock).
   */
  publish(em: EntityManager, event: DomainEvent<object>): Promise<void> {
    return this.afterCommit.run(em, () => this.deliver(event), `${event.constructor.name}:${JSON.stringify(event.payload)}`);
  }

  /** Registers `handler` for events of `type` (typically in the handler's onModuleInit); returns its removal. */
  on<E extends DomainEvent<object>>(type: DomainEventType<E>, handler: DomainEventHandler<E>): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as DomainEventHandler<DomainEvent<object>>);
    this.handlers.set(type, list);
    return () => {
      const i = list.indexOf(handler as DomainEventHandler<DomainEvent<object>>);
      if (i >= 0) list.splice(i, 1);
    };
  }

  onModuleInit(): void {
    byDataSource.set(this.dataSource, this);
  }

  onModuleDestroy(): void {
    if (byDataSource.get(this.dataSource) === this) byDataSource.delete(this.dataSource);
  }

  /** Runs each handler of the event's class in turn; one failing does not stop the others. */
  private async deliver(event: DomainEvent<object>): Promise<void> {
    const type = event.constructor as DomainEventType<DomainEvent<object>>;
    for (const handler of [...(this.handlers.get(type) ?? [])]) {
      try {
        await handler(event.payload);
      } catch (e) {
        this.logger.warn(`${type.name}: a handler failed (its sweep catches up): ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
