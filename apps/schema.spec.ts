import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataArgsStorage } from 'typeorm';
import { migrationTimestamp } from '@regula/platform';
import { REGULA_SCHEMA } from './schema';

const LIBS = join(__dirname, '..', 'libs');

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The classes a file exports. */
function classesOf(file: string): Function[] {
  return Object.values(require(file) as Record<string, unknown>).filter((v): v is Function => typeof v === 'function' && /^class\b/.test(v.toString()));
}

describe('the composed schema', () => {
  it('runs the migrations in timestamp order', () => {
    const stamps = REGULA_SCHEMA.migrations.map(migrationTimestamp);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(REGULA_SCHEMA.migrations[0].name).toBe('InitialSchema1763700000000');
  });

  it('holds every migration under libs/*/src/migrations, each once', () => {
    const files = filesUnder(LIBS, (n) => n.endsWith('.ts') && !n.endsWith('.spec.ts')).filter((f) => /[\\/]src[\\/]migrations[\\/]/.test(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const classes = classesOf(file).filter((c) => typeof c.prototype.up === 'function');
      expect({ file: relative(LIBS, file), missing: classes.filter((c) => !REGULA_SCHEMA.migrations.includes(c as never)).map((c) => c.name) })
        .toEqual({ file: relative(LIBS, file), missing: [] });
      expect(classes.length).toBeGreaterThan(0);
    }
    expect(new Set(REGULA_SCHEMA.migrations).size).toBe(REGULA_SCHEMA.migrations.length);
  });

  it('holds every entity of every *.entity.ts under libs/', () => {
    const files = filesUnder(LIBS, (n) => n.endsWith('.entity.ts'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const tables = new Set(getMetadataArgsStorage().tables.map((t) => t.target));
      const entities = classesOf(file).filter((c) => tables.has(c));
      expect({ file: relative(LIBS, file), missing: entities.filter((c) => !REGULA_SCHEMA.entities.includes(c)).map((c) => c.name) })
        .toEqual({ file: relative(LIBS, file), missing: [] });
      expect(entities.length).toBeGreaterThan(0);
    }
  });
});
