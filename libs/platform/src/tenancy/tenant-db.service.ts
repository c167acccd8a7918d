import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { guardPool, holdingConnection } from '../database/pool-guard';
import { abandonOneTrip, commitOneTrip, OneTripWrites, oneTripManager } from '../database/one-trip-writes';
import { OneTripBatches } from '../database/one-trip-batches';

/** Times a one-trip unit is run again after drawing a value its table already holds (40 random bits each: a second run is already rare). */
const ONE_TRIP_DRAWS = 8;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every database access of a tenant's data runs in a transaction that first
 * does `SET LOCAL app.tenant_id` (through set_config(..., true)), so row-level
 * security confines it to that tenant even if a query forgets its WHERE.
 *
 * A transaction's work holds one pooled connection and must not ask for
 * another (a nested transaction, a query on the data source): the pool guard
 * logs and counts it (pool-guard.ts). Work after the commit goes through
 * AfterCommit, which runs it once the connection is released.
 */
@Injectable()
export class TenantDb {
  private readonly logger = new Logger('database');
  /** Tables whose one-trip rows took regula_write_rows' unplanned way, said once each (see below). */
  private readonly unplanned = new Set<string>();
  /** One-trip units reaching a tenant while its write is under way are written together (group commit). */
  private readonly batches: OneTripBatches;

  constructor(private readonly dataSource: DataSource) {
    guardPool(dataSource);
    this.batches = new OneTripBatches(async (tenantId, parts) => {
      const [{ unplanned }]: { unplanned: string[] }[] = await this.dataSource.query(`SELECT regula_write_rows($1, $2::jsonb) AS unplanned`, [tenantId, parts]);
      return unplanned;
    });
  }

  /** Runs `work` in a transaction scoped to `tenantId`, given explicitly by the caller (there is no ambient current tenant). */
  forTenant<T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!UUID.test(tenantId)) throw new Error(`invalid tenant id: ${tenantId}`);
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return holdingConnection(`tenant ${tenantId}`, () => work(em));
    });
  }

  /**
   * A unit of work that only inserts, written in ONE round trip: `work` gets
   * an EntityManager without a connection whose inserts (`insertRows`) are
   * collected, then written by one statement in a transaction of its own with
   * the tenant set (row-level security applies as in forTenant; see
   * one-trip-writes.ts). What the work queued with AfterCommit runs after that
   * write, and is dropped when it fails. A unique violation on a table inserted
   * with `ignoreTaken` (a reference drawn twice) runs the work again. Where a
   * transaction costs a dozen round trips for a few inserts (a web filing,
   * issue 16 §2), this costs one, shared with the tenant's other units that
   * wait while one is written (OneTripBatches).
   */
  async forTenantInOneTrip<T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!UUID.test(tenantId)) throw new Error(`invalid tenant id: ${tenantId}`);
    for (let draw = 1; ; draw++) {
      const unit = new OneTripWrites(this.dataSource);
      const em = oneTripManager(this.dataSource, unit);
      let result: T;
      try {
        result = await work(em);
        if (unit.parts.length) this.sayUnplanned(await this.batches.add(tenantId, unit));
      } catch (e) {
        abandonOneTrip(this.dataSource, em);
        const driver = (e as { driverError?: { code?: string; table?: string } }).driverError;
        if (driver?.code === '23505' && unit.retriesOn(driver.table) && draw < ONE_TRIP_DRAWS) continue;
        throw e;
      }
      await commitOneTrip(this.dataSource, em);
      return result;
    }
  }

  /**
   * regula_write_rows writes the shapes of a web filing with INSERTs planned
   * once per connection (migration 1764600080000) and any other shape with
   * one built and planned on every call, and names the tables that took that
   * way: a changed entity whose migration did not follow. Written, but slower.
   */
  private sayUnplanned(tables: string[]): void {
    for (const table of tables) {
      if (this.unplanned.has(table)) continue;
      this.unplanned.add(table);
      this.logger.warn(`one-trip rows of ${table} are not of the shape regula_write_rows plans for: written, with a plan made on every call (its columns changed since the migration that lists them)`);
    }
  }

  /**
   * Like forTenant, read-only and at REPEATABLE READ: every statement of `work`
   * sees the same snapshot of the tenant (an archive of all its tables that
   * agrees with itself however long it takes to read).
   */
  forTenantSnapshot<T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!UUID.test(tenantId)) throw new Error(`invalid tenant id: ${tenantId}`);
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      await em.query(`SET TRANSACTION READ ONLY`);
      await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return holdingConnection(`tenant ${tenantId}`, () => work(em));
    });
  }

  /** Runs `work` scoped to one user: it sees that user's memberships in every tenant. */
  forUser<T>(userId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!UUID.test(userId)) throw new Error(`invalid user id: ${userId}`);
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
      return holdingConnection(`user ${userId}`, () => work(em));
    });
  }

  /** Platform-wide rows (the platform's audit chain): only for platform-level actions. */
  forPlatform<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('app.scope', 'platform', true)`);
      return holdingConnection('platform', () => work(em));
    });
  }

  /**
   * One read of tables without tenant rows (a tenant's facts) outside any
   * transaction: each query on its own pooled connection, for a caller that
   * holds none (a one-trip unit reads what it needs first).
   */
  readUnscoped<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }

  /** Tables without tenant rows (tenants, users): no scope set. */
  unscoped<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((em) => holdingConnection('unscoped', () => work(em)));
  }

  /**
   * Every tenant's id, ordered by slug (a stable order for sweeps, logs and
   * tests). Raw SQL on purpose: the tenant entity belongs to a feature lib,
   * which platform does not import.
   */
  async tenantIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.unscoped((em) => em.query(`SELECT id FROM tenants ORDER BY slug`));
    return rows.map((r) => r.id);
  }

  /**
   * The sweeps' loop: lists the tenants (unscoped), then runs `work` for each
   * in turn, outside any transaction (the work opens its own tenant
   * transactions, so the listing's connection is back in the pool first). A
   * tenant's failure propagates and stops the loop, so the job fails and is
   * retried, and the sweeps are idempotent. Returns how many tenants there were.
   */
  async forEachTenant(work: (tenantId: string) => Promise<void>): Promise<number> {
    const ids = await this.tenantIds();
    for (const id of ids) await work(id);
    return ids.length;
  }
}
