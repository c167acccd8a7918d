import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnavailableError } from '../errors/domain-errors';

/** Seconds a client is told to wait (Retry-After) when no pooled connection came free in time. */
export const DATABASE_BUSY_RETRY_SECONDS = 5;

/**
 * No pooled connection came free within the connect timeout: the pool is
 * exhausted by load. An UnavailableError: the API answers 503 with Retry-After
 * (every exception filter of the API sets the header from `retryAfterSeconds`),
 * never a 500 or a hang.
 */
export class DatabaseBusyError extends UnavailableError {
  constructor(cause: unknown) {
    super('the database is busy: try again in a few seconds', DATABASE_BUSY_RETRY_SECONDS, { retryAfterSeconds: DATABASE_BUSY_RETRY_SECONDS }, { cause });
  }
}

/** pg-pool's errors for "no connection in time": waiting for a free one, or opening a new one. */
export function isPoolTimeout(e: unknown): boolean {
  const message = e instanceof Error ? e.message : '';
  return message === 'timeout exceeded when trying to connect' || message === 'Connection terminated due to connection timeout';
}

/** The scope of the transaction the current async context holds a connection for. */
const held = new AsyncLocalStorage<string>();

/** Runs `fn` marked as holding a pooled connection (TenantDb's transactions). */
export function holdingConnection<T>(scope: string, fn: () => T): T {
  return held.run(scope, fn);
}

interface PoolStats {
  /** Connections asked for while the same async context held one (each a possible pool deadlock). */
  secondConnectionWaits: number;
}

const stats = new WeakMap<DataSource, PoolStats>();
const log = new Logger('database');

type Obtain = () => Promise<unknown>;

/**
 * Guards a data source's pool (once per data source):
 * - asking for a connection while this async context holds one (a query on
 *   the data source or a second transaction inside a transaction's work) is
 *   logged with its stack and counted: under load every holder waits for a
 *   connection only another holder could free, and the pool deadlocks until
 *   the connect timeout (issue 12);
 * - pg-pool's connect timeout becomes DatabaseBusyError (503, Retry-After).
 */
export function guardPool(dataSource: DataSource): void {
  if (stats.has(dataSource)) return;
  const s: PoolStats = { secondConnectionWaits: 0 };
  stats.set(dataSource, s);
  const driver = dataSource.driver as unknown as { obtainMasterConnection?: Obtain };
  const obtain = driver.obtainMasterConnection?.bind(driver);
  if (!obtain) return; // not PostgreSQL
  driver.obtainMasterConnection = async () => {
    const scope = held.getStore();
    if (scope !== undefined) {
      s.secondConnectionWaits += 1;
      log.error(`a second pooled connection was asked for while holding one (${scope}); under load this deadlocks the pool:\n${new Error('second connection').stack}`);
    }
    try {
      return await obtain();
    } catch (e) {
      throw isPoolTimeout(e) ? new DatabaseBusyError(e) : e;
    }
  };
}

/** What the guard counted for this data source (tests assert none). */
export function poolStats(dataSource: DataSource): Readonly<PoolStats> {
  return { ...(stats.get(dataSource) ?? { secondConnectionWaits: 0 }) };
}
