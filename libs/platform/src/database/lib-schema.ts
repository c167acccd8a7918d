import type { MigrationInterface } from 'typeorm';

/** A migration class; TypeORM reads its timestamp from the last 13 digits of the class name. */
export type MigrationClass = new () => MigrationInterface;

/**
 * What a lib contributes to the database: its entity classes and the migrations
 * that create and change its tables. Each feature lib exports one; the apps join
 * them with `composeSchema` and hand the result to `DatabaseModule.forRoot` and
 * `openDataSource`, so this layer names no feature.
 */
export interface LibSchema {
  readonly entities: readonly Function[];
  readonly migrations: readonly MigrationClass[];
}

/** The timestamp TypeORM orders a migration by (the class name's last 13 digits). */
export function migrationTimestamp(migration: MigrationClass): number {
  const stamp = /\d{13}$/.exec(migration.name);
  if (!stamp) throw new Error(`migration class ${migration.name} does not end in a 13-digit timestamp`);
  return Number(stamp[0]);
}

/**
 * Joins the libs' schemas. Migrations are sorted by timestamp (then class name,
 * for two of the same instant) because that is the order they were written to
 * run in, whichever lib holds them; a class listed twice is an error.
 */
export function composeSchema(...libs: LibSchema[]): LibSchema {
  const entities = libs.flatMap((l) => l.entities);
  const migrations = libs.flatMap((l) => l.migrations);
  for (const list of [entities, migrations]) {
    const twice = list.find((c, i) => list.indexOf(c) !== i);
    if (twice) throw new Error(`${twice.name} is listed by two libs`);
  }
  const sorted = [...migrations].sort((a, b) => migrationTimestamp(a) - migrationTimestamp(b) || a.name.localeCompare(b.name));
  return { entities, migrations: sorted };
}
