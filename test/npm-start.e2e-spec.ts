import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { testEnv, withDatabase } from './support/env';
import { listening } from './support/listening';

const root = path.resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: withDatabase(testEnv().ownerUrl, 'postgres') });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

/**
 * `npm start` (scripts/start.js) end to end, on an empty database of the test
 * server: build, migrate, sync the four tenants, seed the demo logins, start the
 * API and the worker, print the banner; Ctrl-C stops everything and exits 0.
 * SMTP_URL is not set, so it also runs its mail catcher: e-mails land as .eml
 * files in the data folder, and a data subject confirms a request with the code.
 * LOG_LEVEL is not set: the framework's start-up lines stay out of the console.
 */
describe('npm start', () => {
  const db = `regula_start_${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'regula-start-'));
  let child: ChildProcess;
  let output = '';
  let port: number;

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${db}`);
    port = await freePort();
    const redis = new URL(testEnv().redisUrl);
    redis.pathname = '/15';
    child = spawn(process.execPath, [path.join(root, 'scripts/start.js')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: withDatabase(testEnv().ownerUrl, db),
        // the role password is cluster-wide: keep the one the other suites use
        DATABASE_APP_PASSWORD: testEnv().appPassword,
        REDIS_URL: redis.toString(),
        REGULA_DATA_DIR: dataDir,
        PORT: String(port),
        // no SMTP server: npm start catches the e-mails itself
        SMTP_URL: undefined,
        // its default (warn)
        LOG_LEVEL: undefined,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const until = Date.now() + 150000;
    while (!output.includes('Regula is running') && child.exitCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    if (!output.includes('Regula is running')) throw new Error(`npm start did not come up:\n${output}`);
  }, 180000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  });

  it('ends with one banner, the last thing it prints before it waits: the URLs, the e-mail intake, the mail catcher, the demo logins and the total time', async () => {
    const base = `http://127.0.0.1:${port}`;
    // The banner came after the API and the worker said they were ready: a late start-up line would come now.
    expect((await fetch(`${base}/health`)).status).toBe(200);
    await sleep(4000);
    const at = output.indexOf('Regula is running');
    expect(output.lastIndexOf('Regula is running')).toBe(at);
    const banner = output.slice(at).trimEnd().split('\n');
    // It closes with a rule: nothing was printed after it.
    expect(banner[banner.length - 1]).toMatch(/^\s*─{20,}$/);
    expect(banner[0]).toMatch(/^Regula is running \(ready in \d+\.\ds, counted from the start of scripts\/start\.js\)$/);
    const text = banner.join('\n');
    for (const url of [`${base}/`, `${base}/admin `, `${base}/api/docs`, `${base}/admin/queues`, `${base}/health`]) expect(text).toContain(url);
    for (const slug of ['medical-management', 'softera-baltic', 'micromedic', 'inomedis']) {
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
    expect(output.split('Demo logins').length).toBe(2);
    // No framework start-up line below warn (LOG_LEVEL=log shows them: see the second API below).
    expect(output).not.toContain('Mapped {');
    expect(output).not.toMatch(/InstanceLoader|RoutesResolver|Nest application successfully started|Starting Nest application/);
    // Each step said when it started and how long it took.
    expect(output).toMatch(/\[regula\] building \(npm run -s build\)\.\.\.\n/);
    expect(output).toMatch(/\[regula\] migrating the database \(regula db migrate\): done in \d+\.\ds/);
    expect(output).toMatch(/\[regula\] starting the API and the worker: done in \d+\.\ds/);
  }, 30000);

  it('prints the URLs and the demo logins', () => {
    expect(output).toContain(`http://127.0.0.1:${port}/api/docs`);
    expect(output).toMatch(/compliance-admin\s+inomedis\s+admin@inomedis\.demo/);
    expect(output).toContain('platform@regula.demo');
    expect(output).toContain(`http://127.0.0.1:${port}/admin (compliance admins`);
    expect(output).toContain(`http://127.0.0.1:${port}/t/inomedis/privacy`);
  });

  it('serves the four tenants to their admins', async () => {
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    for (const slug of ['medical-management', 'softera-baltic', 'micromedic', 'inomedis']) {
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
    expect(output).toContain(`no privacy policy published yet (what blocks it: http://127.0.0.1:${port}/admin/t/softera-baltic/policies)`);
  });

  it('renders an export PDF with the built worker thread (dist/)', async () => {
    const base = `http://127.0.0.1:${port}`;
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
    const base = `http://127.0.0.1:${port}`;
    const mailDir = path.join(dataDir, 'mail');
    expect(output).toContain(`E-mails Regula sends are caught in ${mailDir}`);
    const smtpPort = Number(/SMTP on 127\.0\.0\.1:(\d+)/.exec(output)![1]);
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
    for (let i = 0; i < 120 && !(mail && output.includes(`"${mail.subject}"`)); i++) {
      for (const f of existsSync(mailDir) ? readdirSync(mailDir) : []) {
        if (mail || seen.has(f) || !f.endsWith('.eml')) continue;
        seen.add(f);
        const parsed = await simpleParser(readFileSync(path.join(mailDir, f)));
        // the verification e-mail (the acknowledgement names the reference too, but carries no code)
        if ((parsed.text ?? '').includes(reference) && /code=\d{6}/.test(parsed.text ?? '')) mail = parsed;
      }
      await sleep(500);
    }
    if (!mail) throw new Error(`no caught e-mail gives the code of ${reference} in ${mailDir}; output:\n${output.slice(-4000)}`);
    expect(readdirSync(mailDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.stringify(mail.to)).toContain('anna.berzina@example.lv');
    // the console says so too, with the subject decoded
    const line = output.split('\n').find((l) => l.includes('[mail] caught to ') && l.includes(`"${mail!.subject}"`));
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

  it('runs the e-mail intake and prints its port: a message to a tenant\'s intake address is accepted as a request', async () => {
    const intakePort = Number(/E-mail intake\s+smtp:\/\/127\.0\.0\.1:(\d+)/.exec(output)![1]);
    expect(output).toContain('inomedis@intake.regula.localhost');
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
    const intakePort = Number(/E-mail intake\s+smtp:\/\/127\.0\.0\.1:(\d+)/.exec(output)![1]);
    const second = spawn(process.execPath, [path.join(root, 'dist/apps/api/src/main.js')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        DATABASE_URL: withDatabase(testEnv().ownerUrl, db),
        DATABASE_APP_PASSWORD: testEnv().appPassword,
        REDIS_URL: (() => {
          const u = new URL(testEnv().redisUrl);
          u.pathname = '/15';
          return u.toString();
        })(),
        REGULA_DATA_DIR: dataDir,
        PORT: String(await freePort()),
        HOST: '127.0.0.1',
        INTAKE_SMTP_PORT: String(intakePort),
        INTAKE_SMTP_HOST: '127.0.0.1',
        // asked for: the framework's start-up lines show again
        LOG_LEVEL: 'log',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let out = '';
    second.stderr!.on('data', (d) => (err += d));
    second.stdout!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => second.kill('SIGKILL'), 60000);
      second.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect({ code, err: err.slice(-600) }).toMatchObject({ code: 98 });
    expect(err).toContain(`port ${intakePort} on 127.0.0.1 is in use`);
    expect(out).toMatch(/InstanceLoader\].*AppModule dependencies initialized/);
  }, 70000);

  it('stops everything it started on Ctrl-C and exits 0', async () => {
    const smtpPort = Number(/SMTP on 127\.0\.0\.1:(\d+)/.exec(output)![1]);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    expect(await listening(smtpPort)).toBe(false);
  }, 30000);
});
