import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunner } from 'typeorm';

/** One table's rows of a unit, in the order they were added. */
interface Part {
  table: string;
  /** The columns every row of the part gives (the others take their defaults). */
  columns: string[];
  rows: Record<string, unknown>[];
  /** Inserted with `ignoreTaken`: a unique violation here runs the unit's work again (a reference drawn twice). */
  retryOnTaken: boolean;
}

/**
 * The inserts of a unit of work that only inserts (a web filing), collected
 * rather than sent: the unit's EntityManager (`oneTripManager`) holds no
 * connection, `insertRows` adds to it, and `TenantDb.forTenantInOneTrip`
 * writes them all with one statement, `regula_write_rows(tenant, parts)`
 * (migration 1764600073001): its own transaction, the tenant set in it so
 * row-level security applies, each table's rows one INSERT in the order they
 * were added. Every uuid key is drawn here, so the work knows its ids before
 * the write; other generated columns (serials, creation times) take their
 * defaults.
 */
export class OneTripWrites {
  readonly parts: Part[] = [];

  constructor(private readonly dataSource: DataSource) {}

  add<T extends ObjectLiteral>(target: EntityTarget<T>, entities: T[], opts: { ignoreTaken?: boolean }): void {
    const meta = this.dataSource.getMetadata(target);
    for (const entity of entities) {
      const row: Record<string, unknown> = {};
      for (const col of meta.columns) {
        if (col.databaseName in row) continue;
        let value = col.getEntityValue(entity, true);
        if (value === undefined && col.isGenerated && col.generationStrategy === 'uuid') {
          value = randomUUID();
          col.setEntityValue(entity, value);
        }
        if (value !== undefined) row[col.databaseName] = value;
      }
      const columns = Object.keys(row);
      const last = this.parts.at(-1);
      if (last && last.table === meta.tableName && sameColumns(last.columns, columns)) last.rows.push(row);
      else this.parts.push({ table: meta.tableName, columns, rows: [row], retryOnTaken: !!opts.ignoreTaken });
    }
  }

  /** The unit's parts as the SQL function reads them. */
  toJson(): string {
    return JSON.stringify(this.parts.map(({ table, columns, rows }) => ({ table, columns, rows })));
  }

  /** Whether a unique violation on `table` means "draw again" (an `ignoreTaken` insert of the unit). */
  retriesOn(table: string | undefined): boolean {
    return this.parts.some((p) => p.retryOnTaken && p.table === table);
  }
}

const sameColumns = (a: string[], b: string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

const units = new WeakMap<EntityManager, OneTripWrites>();

/** The collecting unit behind `em`, when it is a one-trip unit's manager. */
export function oneTripWritesOf(em: EntityManager): OneTripWrites | undefined {
  return units.get(em);
}

/**
 * An EntityManager for a one-trip unit: `create` and `insertRows` work, and
 * AfterCommit and domain events queue their work as in a transaction (it runs
 * once the write committed, `commitOneTrip`); anything that would read or
 * write through a connection throws, so a path that needs more than inserts
 * cannot take this way by mistake.
 */
export function oneTripManager(dataSource: DataSource, unit: OneTripWrites): EntityManager {
  const refuse = () => Promise.reject(new Error('a one-trip unit of work only inserts: it has no connection to query with'));
  const runner = {
    connection: dataSource,
    isTransactionActive: true,
    transactionDepth: 1,
    isReleased: false,
    data: {},
    query: refuse,
    connect: refuse,
    startTransaction: refuse,
    commitTransaction: refuse,
    rollbackTransaction: refuse,
    release: async () => undefined,
  } as unknown as QueryRunner;
  const em = dataSource.createEntityManager(runner);
  (runner as { manager: EntityManager }).manager = em;
  units.set(em, unit);
  return em;
}

/**
 * Tells the data source's subscribers that the unit committed, then releases
 * its runner: what AfterCommit queued (jobs, domain events) runs now, as after
 * a transaction's COMMIT and release.
 */
export async function commitOneTrip(dataSource: DataSource, em: EntityManager): Promise<void> {
  const queryRunner = em.queryRunner!;
  (queryRunner as { isTransactionActive: boolean }).isTransactionActive = false;
  for (const s of dataSource.subscribers) s.afterTransactionCommit?.({ connection: dataSource, queryRunner, manager: em });
  await queryRunner.release();
}

/** The unit was abandoned (its work threw, or its write failed): what AfterCommit queued is dropped, as by a ROLLBACK. */
export function abandonOneTrip(dataSource: DataSource, em: EntityManager): void {
  const queryRunner = em.queryRunner!;
  (queryRunner as { isTransactionActive: boolean }).isTransactionActive = false;
  for (const s of dataSource.subscribers) s.afterTransactionRollback?.({ connection: dataSource, queryRunner, manager: em });
}
