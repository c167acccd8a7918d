import type { MigrationInterface } from 'typeorm';
import { composeSchema, migrationTimestamp } from './lib-schema';

function migration(name: string) {
  const cls = class implements MigrationInterface {
    async up(): Promise<void> {}
    async down(): Promise<void> {}
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

class A {}
class B {}

describe('composeSchema', () => {
  it('joins the entities and sorts the migrations by timestamp, then name, whichever lib holds them', () => {
    const late = migration('Late1764400000000');
    const tieB = migration('Beta1764300000000');
    const tieA = migration('Alpha1764300000000');
    const first = migration('First1763700000000');
    const schema = composeSchema({ entities: [A], migrations: [late, tieB] }, { entities: [B], migrations: [tieA, first] });
    expect(schema.entities).toEqual([A, B]);
    expect(schema.migrations.map((m) => m.name)).toEqual(['First1763700000000', 'Alpha1764300000000', 'Beta1764300000000', 'Late1764400000000']);
  });

  it('refuses an entity or a migration listed by two libs', () => {
    const m = migration('Once1763700000000');
    expect(() => composeSchema({ entities: [A], migrations: [] }, { entities: [A], migrations: [] })).toThrow('A is listed by two libs');
    expect(() => composeSchema({ entities: [], migrations: [m] }, { entities: [], migrations: [m] })).toThrow('Once1763700000000 is listed by two libs');
  });

  it('reads the timestamp TypeORM orders by from the class name, and refuses a name without one', () => {
    expect(migrationTimestamp(migration('InitialSchema1763700000000'))).toBe(1763700000000);
    expect(() => migrationTimestamp(migration('NoStamp'))).toThrow('does not end in a 13-digit timestamp');
  });
});
