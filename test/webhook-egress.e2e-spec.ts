import { spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { EgressGuard, TenantDb } from '@regula/platform';
import { WebhookOutboxService } from '@regula/ingest';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

/** Counts the requests that reach it (none should). */
async function listener(): Promise<{ hits: number; port: number; close(): Promise<void> }> {
  const state = { hits: 0, port: 0 };
  const server: Server = createServer((_req, res) => {
    state.hits++;
    res.statusCode = 204;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  return Object.assign(state, { close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}

describe('webhook egress (SSRF)', () => {
  let h: Harness;
  let token: string;
  let tenantId: string;
  let seq = 0;

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@softera.test', { tenant: 'softera-baltic' });
    token = await h.login('admin@softera.test');
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'softera-baltic'`);
  });
  afterAll(async () => {
    await h?.close();
  });

  const create = (webhookUrl: string) =>
    h.http().post('/api/v1/tenants/softera-baltic/systems').set('Authorization', `Bearer ${token}`).send({ name: `sys-${++seq}`, webhookUrl });

  const redisPort = () => new URL(h.config.REDIS_URL).port;
  const postgresPort = () => new URL(h.config.DATABASE_URL).port;

  /**
   * What the test's resolver answers: every address outside loopback is reached through a
   * name (no URL of the test names one), and nothing is ever sent to any of them.
   */
  const ADDRESSES: Record<string, string> = {
    'zero.egress.test': '0.0.0.0',
    'instance-service.egress.test': '169.254.169.254',
    'instance-service6.egress.test': 'fd00:ec2::254',
    'link-local.egress.test': '169.254.1.1',
    'link-local6.egress.test': 'fe80::1',
    'private10.egress.test': '10.0.0.1',
    'private172.egress.test': '172.16.0.1',
    'private172b.egress.test': '172.31.255.254',
    'private192.egress.test': '192.168.1.1',
    'mapped-private.egress.test': '::ffff:192.168.1.1',
    'private6.egress.test': 'fc00::1',
    'cgnat.egress.test': '100.64.0.1',
    'multicast.egress.test': '224.0.0.1',
    'multicast6.egress.test': 'ff02::1',
    'broadcast.egress.test': '255.255.255.255',
    'reserved.egress.test': '240.0.0.1',
    'public.egress.test': '93.184.216.34',
  };

  const BAD: [string, RegExp][] = [
    ['http://127.0.0.1/hook', /loopback/],
    ['http://127.1/hook', /loopback/],
    ['http://2130706433/hook', /loopback/],
    ['http://0x7f000001/hook', /loopback/],
    ['http://0177.0.0.1/hook', /loopback/],
    ['http://[::1]/hook', /loopback/],
    ['http://[::ffff:127.0.0.1]/hook', /loopback/],
    ['http://localhost/hook', /loopback/],
    ['http://zero.egress.test/hook', /this network|unspecified/],
    ['http://instance-service.egress.test/hook', /metadata/],
    ['http://instance-service6.egress.test/hook', /metadata/],
    ['http://link-local.egress.test/hook', /link-local/],
    ['http://link-local6.egress.test/hook', /link-local/],
    ['http://private10.egress.test/hook', /private/],
    ['http://private172.egress.test/hook', /private/],
    ['http://private172b.egress.test/hook', /private/],
    ['http://private192.egress.test/hook', /private/],
    ['http://mapped-private.egress.test/hook', /private/],
    ['http://private6.egress.test/hook', /private/],
    ['http://cgnat.egress.test/hook', /shared|CGNAT/],
    ['http://multicast.egress.test/hook', /multicast/],
    ['http://multicast6.egress.test/hook', /multicast/],
    ['http://broadcast.egress.test/hook', /broadcast|reserved/],
    ['http://reserved.egress.test/hook', /reserved/],
    [' https://crm.example.lv/hook', /space/],
    ['https://crm.example.lv/hook ', /space/],
    ['https://crm.example.lv/hook\r\nX-Injected: 1', /control|space/],
    ['https://crm.example.lv/\nhook', /control|space/],
    ['https://crm.example.lv\\hook', /backslash|malformed/],
    ['https:crm.example.lv/hook', /malformed/],
    ['gopher://crm.example.lv/', /http/],
    ['https://u:p@crm.example.lv/', /credentials/],
  ];

  it('refuses every loopback, private, link-local, metadata, reserved or malformed URL with a 400 naming webhookUrl, on create and on change', async () => {
    const accepted: string[] = [];
    const wrongReason: string[] = [];
    const guard = h.app.get(EgressGuard);
    const real = guard.resolve.bind(guard);
    const resolve = jest.spyOn(guard, 'resolve').mockImplementation(async (host) => {
      const address = ADDRESSES[host];
      return address ? [{ address, family: address.includes(':') ? 6 : 4 }] : real(host);
    });
    try {
      const patched = await create('https://public.egress.test/hook');
      expect(patched.status).toBe(201);
      const name = patched.body.system.name as string;
      for (const [url, reason] of [...BAD, [`https://public.egress.test:${redisPort()}/hook`, /port/], [`https://public.egress.test:${postgresPort()}/hook`, /port/]] as [string, RegExp][]) {
        for (const res of [
          await create(url),
          await h.http().patch(`/api/v1/tenants/softera-baltic/systems/${name}`).set('Authorization', `Bearer ${token}`).send({ webhookUrl: url }),
        ]) {
          if (res.status !== 400) accepted.push(`${JSON.stringify(url)} -> ${res.status}`);
          else {
            const message = ([] as string[]).concat(res.body.message).join(' ');
            if (!message.startsWith('webhookUrl') || !reason.test(message)) wrongReason.push(`${JSON.stringify(url)}: ${message}`);
          }
        }
      }
      expect(accepted).toEqual([]);
      expect(wrongReason).toEqual([]);
      const [{ webhook_url }] = await h.db.owner.query(`SELECT webhook_url FROM source_systems WHERE tenant_id = $1 AND name = $2`, [tenantId, name]);
      expect(webhook_url).toBe('https://public.egress.test/hook');
    } finally {
      resolve.mockRestore();
    }
  });

  const deliverOnce = async (systemId: string) => {
    const outbox = h.app.get(WebhookOutboxService);
    const d = await h.app.get(TenantDb).forTenant(tenantId, (em) => outbox.enqueue(em, { tenantId, sourceSystemId: systemId, event: 'record.erased', payload: { recordIds: ['r-1'] } }));
    return { id: d.id, outcome: await outbox.deliver(tenantId, d.id) };
  };

  it('refuses at delivery a stored URL whose name resolves to loopback (saved before the check existed): nothing is sent, the error is generic', async () => {
    const l = await listener();
    try {
      const [{ id: systemId }] = await h.db.owner.query(
        `INSERT INTO source_systems (tenant_id, name, key_id, key_hash, webhook_url, webhook_secret) VALUES ($1, 'legacy-local', 'aaaaaaaaaaaaaaaa', $2, $3, 'whsec_x') RETURNING id`,
        [tenantId, '0'.repeat(64), `http://localhost:${l.port}/hook`],
      );
      const { outcome } = await deliverOnce(systemId);
      expect(outcome).toMatchObject({ result: 'retry', attempts: 1, error: 'delivery failed' });
      expect(l.hits).toBe(0);

      // Errors stored before the guard (a port scan's answers) are shown generic too.
      const older = await h.db.owner.query(
        `INSERT INTO webhook_deliveries (tenant_id, source_system_id, event, payload, next_attempt_at, status, attempts, last_error)
         SELECT $1, $2, 'record.erased', '{}', now(), 'failed', 16, e FROM unnest($3::text[]) e RETURNING id, last_error`,
        [tenantId, systemId, ['ECONNREFUSED', 'UND_ERR_SOCKET', 'HTTP 503', 'HTTP 401']],
      );
      const listed = await h.http().get('/api/v1/tenants/softera-baltic/webhooks?status=failed').set('Authorization', `Bearer ${token}`);
      const shown = Object.fromEntries(older.map((o: { id: string; last_error: string }) => [o.last_error, listed.body.find((d: { id: string }) => d.id === o.id)?.lastError]));
      expect(shown).toEqual({ ECONNREFUSED: 'delivery failed', UND_ERR_SOCKET: 'delivery failed', 'HTTP 503': 'HTTP 5xx', 'HTTP 401': 'HTTP 4xx' });
    } finally {
      await l.close();
    }
  });

  it('DNS rebinding: a name that was public when saved and resolves to loopback at delivery is refused there, with the generic error', async () => {
    const l = await listener();
    const guard = h.app.get(EgressGuard);
    let answer = '93.184.216.34';
    const resolve = jest.spyOn(guard, 'resolve').mockImplementation(async (host) => (host === 'hooks.rebind.test' ? [{ address: answer, family: 4 }] : []));
    try {
      const saved = await create(`http://hooks.rebind.test:${l.port}/hook`);
      expect(saved.status).toBe(201);
      answer = '127.0.0.1';
      const { id, outcome } = await deliverOnce(saved.body.system.id);
      expect(outcome).toMatchObject({ result: 'retry', attempts: 1, error: 'delivery failed' });
      expect(l.hits).toBe(0);
      expect(resolve.mock.calls.map(([host]) => host)).toEqual(['hooks.rebind.test', 'hooks.rebind.test']);
      const listed = await h.http().get('/api/v1/tenants/softera-baltic/webhooks?status=pending').set('Authorization', `Bearer ${token}`);
      expect(listed.body.find((d: { id: string }) => d.id === id)).toMatchObject({ lastError: 'delivery failed', attempts: 1 });
    } finally {
      resolve.mockRestore();
      await l.close();
    }
  });
});

/** `main.ts` of the API and of the worker, as `npm start` runs them, with the test-only setting in production. */
describe('boot with the loopback-webhooks test setting', () => {
  const root = path.resolve(__dirname, '..');
  const boot = (main: string) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      // From source through the shared transpile cache, as the cluster's processes (test/support/cluster/node-process.ts).
      const child = spawn(process.execPath, ['-r', path.join(root, 'scripts', 'lib', 'transpile-cache.js'), '-r', 'tsconfig-paths/register', path.join(root, main)], {
        cwd: root,
        env: {
          PATH: process.env.PATH, TS_NODE_PROJECT: path.join(root, 'tsconfig.json'), NODE_ENV: 'production', REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1',
          // Never reached: the configuration is refused before anything connects.
          DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db', REDIS_URL: 'redis://127.0.0.1:1', JWT_SECRET: 'x'.repeat(40), AUDIT_HMAC_KEY: 'k'.repeat(40),
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('is refused in production by the API and by the worker (exit 78, the variable named)', async () => {
    const [api, worker] = await Promise.all([boot('apps/api/src/main.ts'), boot('apps/worker/src/main.ts')]);
    for (const r of [api, worker]) {
      expect(r.code).toBe(78);
      expect(r.stderr).toMatch(/REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS must not be 1 when NODE_ENV=production/);
    }
  }, 180_000);
});
