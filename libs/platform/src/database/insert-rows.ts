import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { oneTripWritesOf } from './one-trip-writes';

/**
 * Inserts new entities (made with `em.create`) in one INSERT ... RETURNING,
 * the generated columns (ids, defaults, timestamps) written back into them.
 * `em.save` does the same for a new entity but first works out, entity by
 * entity, whether to insert or update, cascades and listeners included: on a
 * path that only ever inserts (a filing) that costs more than the statement.
 * `ignoreTaken`: ON CONFLICT DO NOTHING; an entity whose row was not inserted
 * keeps no id. Returns the entities. In a one-trip unit (one-trip-writes.ts)
 * the rows are collected, their uuid keys drawn at once, and written with the
 * unit's other inserts.
 */
export async function insertRows<T extends ObjectLiteral>(
  em: EntityManager, target: EntityTarget<T>, rows: T[], opts: { ignoreTaken?: boolean } = {},
): Promise<T[]> {
  if (!rows.length) return rows;
  const unit = oneTripWritesOf(em);
  if (unit) {
    unit.add(target, rows, opts);
    return rows;
  }
  const qb = em.createQueryBuilder().insert().into(target).values(rows as QueryDeepPartialEntity<T>[]);
  if (opts.ignoreTaken) qb.orIgnore();
  await qb.execute();
  return rows;
}
