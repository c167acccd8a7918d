import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { pruneOnceADay, readAndKeep, KEEP_DAYS, REFRESH_DAYS } = require('../scripts/lib/transpile-cache-prune') as {
  pruneOnceADay(dir: string, now?: number): number;
  readAndKeep(file: string, now?: number): string;
  KEEP_DAYS: number;
  REFRESH_DAYS: number;
};

const DAY = 86_400_000;
/** A fixed instant: nothing here reads the wall clock. */
const NOW = Date.UTC(2026, 11, 7, 12);

/**
 * The transpile cache's folder (scripts/lib/transpile-cache.js) keeps a compiled
 * file per version of each source file: once a day, what was not used for a month
 * is deleted, and a file in use has its time refreshed so it is never deleted.
 */
describe('transpile cache pruning', () => {
  let dir: string;
  const file = (name: string, ageDays: number) => {
    const f = join(dir, name);
    writeFileSync(f, `// ${name}`);
    const t = (NOW - ageDays * DAY) / 1000;
    utimesSync(f, t, t);
    return f;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'transpile-prune-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('deletes files unused for a month, keeps the others, then waits a day before looking again', () => {
    file('old.js', KEEP_DAYS + 1);
    file('partial.js.123', KEEP_DAYS + 5); // left by a process that died while writing
    file('recent.js', KEEP_DAYS - 3);
    expect(pruneOnceADay(dir, NOW)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['.pruned', 'recent.js']);

    file('old-too.js', KEEP_DAYS + 1);
    expect(pruneOnceADay(dir, NOW + DAY / 2)).toBe(0);
    expect(pruneOnceADay(dir, NOW + DAY + 1)).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['.pruned', 'recent.js']);
  });

  it('refreshes the time of a file in use once it is a week old, so pruning never takes it', () => {
    const used = file('used.js', REFRESH_DAYS + 1);
    const fresh = file('fresh.js', 1);
    expect(readAndKeep(used, NOW)).toBe('// used.js');
    expect(readAndKeep(fresh, NOW)).toBe('// fresh.js');
    expect(statSync(used).mtimeMs).toBe(NOW);
    expect(statSync(fresh).mtimeMs).toBe(NOW - DAY);
    expect(() => readAndKeep(join(dir, 'missing.js'), NOW)).toThrow(/ENOENT/);
  });
});
