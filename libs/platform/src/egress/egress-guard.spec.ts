import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { EGRESS_FAILED, EgressConfig, EgressGuard, EgressResolver, shownEgressError } from './egress-guard';

const PUBLIC = '93.184.216.34';

/** A resolver from a table; counts its calls. Unknown names do not resolve. */
function table(entries: Record<string, string[]>): EgressResolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (host: string) => {
    calls.push(host);
    const found = entries[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

const config: EgressConfig = {
  NODE_ENV: 'test',
  DATABASE_URL: 'postgres://u:p@127.0.0.1:15432/db',
  REDIS_URL: 'redis://127.0.0.1:16379',
  SMTP_URL: 'smtp://mail.example.lv:2525',
};

describe('egress guard: check', () => {
  const names = table({
    'localhost': ['127.0.0.1', '::1'],
    'localhost.': ['127.0.0.1'],
    'loop.example.lv': ['127.0.0.1'],
    'loop6.example.lv': ['::1'],
    'mapped.example.lv': ['::ffff:127.0.0.1'],
    'meta.example.lv': ['169.254.169.254'],
    'half.example.lv': [PUBLIC, '10.0.0.7'],
    'crm.example.lv': [PUBLIC, '2a00:1450:4001:82a::200e'],
    // every address outside loopback is reached through a name: no URL here names one
    'addr-1.example.lv': ['0.0.0.0'],
    'addr-2.example.lv': ['::'],
    'addr-3.example.lv': ['169.254.169.254'],
    'addr-4.example.lv': ['fd00:ec2::254'],
    'addr-5.example.lv': ['::ffff:169.254.169.254'],
    'addr-6.example.lv': ['169.254.10.10'],
    'addr-7.example.lv': ['fe80::1'],
    'addr-8.example.lv': ['10.1.2.3'],
    'addr-9.example.lv': ['172.16.0.1'],
    'addr-10.example.lv': ['172.31.0.1'],
    'addr-11.example.lv': ['192.168.1.1'],
    'addr-12.example.lv': ['::ffff:192.168.1.1'],
    'addr-13.example.lv': ['fc00::1'],
    'addr-14.example.lv': ['fd00::1'],
    'addr-15.example.lv': ['100.64.0.1'],
    'addr-16.example.lv': ['224.0.0.1'],
    'addr-17.example.lv': ['ff02::1'],
    'addr-18.example.lv': ['255.255.255.255'],
    'addr-19.example.lv': ['240.0.0.1'],
    'addr-20.example.lv': ['::127.0.0.1'],
    'addr-21.example.lv': ['64:ff9b::a00:1'],
    'addr-22.example.lv': ['2002:a00:1::'],
    'addr-23.example.lv': ['2a00:1450:4001:82a::200e'],
    'addr-24.example.lv': ['10.0.0.1'],
  });
  const guard = new EgressGuard(config, names);
  const problem = async (url: string) => {
    const r = await guard.check(url);
    return r.ok ? null : r.problem;
  };

  it.each([
    // loopback in every spelling
    ['http://127.0.0.1/hook', /loopback/], ['http://127.1/hook', /loopback/], ['http://127.000.000.001/hook', /loopback/], ['http://2130706433/hook', /loopback/],
    ['http://0x7f000001/hook', /loopback/], ['http://0x7f.1/hook', /loopback/], ['http://0177.0.0.1/hook', /loopback/], ['http://127.0.0.1./hook', /loopback/],
    ['http://[::1]/hook', /loopback/], ['http://[0:0:0:0:0:0:0:1]/hook', /loopback/], ['http://[::ffff:127.0.0.1]/hook', /loopback/], ['http://[::ffff:7f00:1]/hook', /loopback/],
    ['http://localhost/hook', /loopback.*localhost resolves/], ['http://LOCALHOST./hook', /loopback/], ['http://loop.example.lv/hook', /loopback/],
    ['http://loop6.example.lv/hook', /loopback/], ['http://mapped.example.lv/hook', /loopback/],
    // this network, link-local, metadata
    ['http://addr-1.example.lv/hook', /unspecified/], ['http://addr-1.example.lv/hook', /unspecified/], ['http://addr-2.example.lv/hook', /unspecified/],
    ['http://addr-3.example.lv/latest/meta-data/', /metadata/], ['http://addr-4.example.lv/latest/meta-data/', /metadata/], ['http://meta.example.lv/', /metadata/],
    ['http://addr-5.example.lv/', /metadata/], ['http://addr-6.example.lv/hook', /link-local/], ['http://addr-7.example.lv/hook', /link-local/],
    // private, CGNAT, multicast, broadcast, reserved
    ['http://addr-8.example.lv/hook', /private/], ['http://addr-9.example.lv/hook', /private/], ['http://addr-10.example.lv/hook', /private/], ['http://addr-11.example.lv/hook', /private/],
    ['http://addr-12.example.lv/hook', /private/], ['http://addr-13.example.lv/hook', /private/], ['http://addr-14.example.lv/hook', /private/], ['http://half.example.lv/hook', /private/],
    ['http://addr-15.example.lv/hook', /CGNAT/], ['http://addr-16.example.lv/hook', /multicast/], ['http://addr-17.example.lv/hook', /multicast/], ['http://addr-18.example.lv/hook', /broadcast/],
    ['http://addr-19.example.lv/hook', /reserved/], ['http://addr-20.example.lv/hook', /reserved/], ['http://addr-21.example.lv/hook', /reserved/], ['http://addr-22.example.lv/hook', /reserved/],
    // our own services' ports, configured and default
    [`https://${PUBLIC}:16379/`, /port 16379/], [`https://${PUBLIC}:15432/`, /port 15432/], [`https://${PUBLIC}:6379/`, /port 6379/],
    [`https://${PUBLIC}:5432/`, /port 5432/], [`https://${PUBLIC}:2525/`, /port 2525/],
    // malformed
    [' https://crm.example.lv/hook', /spaces/], ['https://crm.example.lv/hook ', /spaces/], ['https://crm.example.lv/hook\n', /spaces|control/],
    ['https://crm.example.lv/\r\nX-Injected: 1', /control/], ['https://crm.example.lv/a\tb', /control/], ['https://crm.example.lv/\u0000', /control/],
    ['https://crm.example.lv/a b', /spaces/], ['https://crm.example.lv\\@127.0.0.1/', /backslash/], ['https:crm.example.lv/hook', /malformed/],
    ['https:///crm.example.lv/hook', /malformed/], ['//crm.example.lv/hook', /malformed/], ['crm.example.lv', /malformed/], ['https://', /malformed/],
    ['https://[::1/hook', /not a URL/], ['https://999.1.1.1.1/', /not a URL/], ['ftp://crm.example.lv/', /http\(s\)/], ['javascript://x/%0aalert(1)', /http\(s\)/],
    ['https://user:pw@crm.example.lv/', /credentials/], ['https://user@crm.example.lv/', /credentials/], [`https://crm.example.lv/${'a'.repeat(2000)}`, /too long/],
    ['https://nowhere.example.lv/hook', /does not resolve/],
  ])('refuses %j (%s)', async (url, reason) => {
    expect(await problem(url)).toMatch(reason);
  });

  it('lets public addresses and names through, and pins the first address it checked', async () => {
    expect(await guard.check('https://crm.example.lv/regula/hook?x=1')).toMatchObject({ ok: true, address: PUBLIC, family: 4 });
    expect(await guard.check(`https://${PUBLIC}:8443/hook`)).toMatchObject({ ok: true, address: PUBLIC });
    expect(await guard.check(`https://[::ffff:${PUBLIC}]/hook`)).toMatchObject({ ok: true, address: PUBLIC, family: 4 });
    expect(await guard.check('http://addr-23.example.lv/hook')).toMatchObject({ ok: true, address: '2a00:1450:4001:82a::200e', family: 6 });
  });

  it('refuses http in production, and the loopback opt-in too', async () => {
    const prod = new EgressGuard({ ...config, NODE_ENV: 'production', REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1' }, names);
    expect(await prod.check('http://crm.example.lv/hook')).toMatchObject({ ok: false, problem: expect.stringMatching(/https/) });
    expect(await prod.check('https://crm.example.lv/hook')).toMatchObject({ ok: true });
    expect(await prod.check('https://localhost/hook')).toMatchObject({ ok: false, problem: expect.stringMatching(/loopback/) });
  });

  it('with the test opt-in allows loopback only: private, metadata and our ports stay refused', async () => {
    const test = new EgressGuard({ ...config, REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1' }, names);
    expect(await test.check('http://127.0.0.1:9000/hook')).toMatchObject({ ok: true, address: '127.0.0.1' });
    expect(await test.check('http://[::ffff:7f00:1]:9000/hook')).toMatchObject({ ok: true, address: '127.0.0.1', family: 4 });
    expect(await test.check('http://localhost:9000/hook')).toMatchObject({ ok: true, address: '127.0.0.1' });
    for (const url of ['http://127.0.0.1:16379/', 'http://127.0.0.1:6379/', 'http://addr-24.example.lv/', 'http://addr-3.example.lv/', 'http://addr-1.example.lv:9000/', 'http://half.example.lv/']) {
      expect(await test.check(url)).toMatchObject({ ok: false });
    }
  });
});

describe('egress guard: post', () => {
  let server: Server;
  let port: number;
  let hits: { url: string; host: string }[];
  let status: number;
  const headers = { 'Content-Type': 'application/json' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push({ url: req.url ?? '', host: req.headers.host ?? '' });
      res.statusCode = status;
      if (status >= 300 && status < 400) res.setHeader('Location', `http://127.0.0.1:${port}/elsewhere`);
      res.end('body that is not read');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  beforeEach(() => {
    hits = [];
    status = 204;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('connects to the address it checked, not to what a second lookup says (DNS rebinding)', async () => {
    // receiver.regula.test is in no DNS: only the guard's own answer can take the request to the receiver.
    const names = table({ 'receiver.regula.test': ['127.0.0.1'] });
    const guard = new EgressGuard({ ...config, REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1' }, names);
    expect(await guard.post(`http://receiver.regula.test:${port}/hook?a=1`, '{}', headers, { timeoutMs: 5000 })).toEqual({ ok: true, status: 204 });
    expect(hits).toEqual([{ url: '/hook?a=1', host: `receiver.regula.test:${port}` }]);
    expect(names.calls).toEqual(['receiver.regula.test']);
  });

  it('checks again before it connects: a name that resolves to loopback now is refused with the generic error, nothing sent', async () => {
    const answers: Record<string, string[]> = { 'hooks.example.lv': [PUBLIC] };
    const guard = new EgressGuard(config, table(answers));
    expect(await guard.check(`http://hooks.example.lv:${port}/hook`)).toMatchObject({ ok: true });
    answers['hooks.example.lv'] = ['127.0.0.1'];
    const outcome = await guard.post(`http://hooks.example.lv:${port}/hook`, '{}', headers, { timeoutMs: 5000 });
    expect(outcome).toEqual({ ok: false, error: EGRESS_FAILED, detail: expect.stringMatching(/refused before connecting.*loopback/) });
    expect(hits).toEqual([]);
  });

  it('follows no redirect and reports only the class of an HTTP status', async () => {
    const guard = new EgressGuard({ ...config, REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1' });
    const post = () => guard.post(`http://127.0.0.1:${port}/hook`, '{}', headers, { timeoutMs: 5000 });
    status = 302;
    expect(await post()).toEqual({ ok: false, error: 'HTTP 3xx: redirects are not followed', detail: '127.0.0.1: HTTP 302' });
    expect(hits.map((h) => h.url)).toEqual(['/hook']);
    status = 401;
    expect(await post()).toMatchObject({ ok: false, error: 'HTTP 4xx' });
    status = 503;
    expect(await post()).toMatchObject({ ok: false, error: 'HTTP 5xx', detail: '127.0.0.1: HTTP 503' });
  });

  it('gives the same error for a refused connection as for a refused address: the port state stays in the detail', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const guard = new EgressGuard({ ...config, REGULA_TEST_ALLOW_LOOPBACK_WEBHOOKS: '1' }, table({ 'addr-24.example.lv': ['10.0.0.1'] }));
    const refused = await guard.post(`http://127.0.0.1:${closedPort}/hook`, '{}', headers, { timeoutMs: 5000 });
    expect(refused).toEqual({ ok: false, error: EGRESS_FAILED, detail: expect.stringMatching(/ECONNREFUSED/) });
    const blocked = await guard.post('http://addr-24.example.lv/hook', '{}', headers, { timeoutMs: 5000 });
    expect(blocked).toEqual({ ok: false, error: EGRESS_FAILED, detail: expect.stringMatching(/private/) });
  });
});

describe('egress errors shown to admins', () => {
  it('keeps the generic texts and reduces older, telling ones to them', () => {
    for (const generic of [null, 'delivery failed', 'HTTP 3xx: redirects are not followed', 'HTTP 4xx', 'HTTP 5xx']) expect(shownEgressError(generic)).toBe(generic);
    expect(shownEgressError('HTTP 503')).toBe('HTTP 5xx');
    expect(shownEgressError('HTTP 404')).toBe('HTTP 4xx');
    expect(shownEgressError('HTTP 302')).toBe('HTTP 3xx: redirects are not followed');
    for (const telling of ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'other side closed', 'no answer within 10 s', 'HTTP 5xx and more']) {
      expect(shownEgressError(telling)).toBe('delivery failed');
    }
  });
});
