import { randomUUID } from 'node:crypto';
import { Harness, startApi } from './support/api-harness';
import { AdminClient } from './support/admin-client';
import { createStaff } from './support/staff';

/**
 * Bad input answers 400 naming the field, never 500 (issue 12, item 3): walks
 * the served OpenAPI document and, for every operation, sends a NUL byte and a
 * lone UTF-16 surrogate in each string of a body built from its schema, a NUL in
 * each string parameter, and integers beyond int4/int8, in exponent notation
 * and with a fraction in each numeric parameter.
 */

type Schema = { type?: string; format?: string; enum?: unknown[]; items?: Schema; properties?: Record<string, Schema>; required?: string[]; $ref?: string; allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[]; example?: unknown; default?: unknown };
type Param = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: Schema };
type Operation = { parameters?: Param[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Doc = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';
/** Numbers no integer column holds (or that are no integer at all): 400 naming the field. */
const NOT_AN_INT = ['99999999999999999999', '9223372036854775808', '1e20', '1.5'];
/** One beyond int4: 400 where the column is int4, otherwise an answer (never 500). */
const BEYOND_INT4 = '2147483648';

const TENANT = 'medical-management';

describe('input hygiene over every OpenAPI operation', () => {
  let h: Harness;
  let token: string;
  /** The ingest routes take a source system's API key instead of a staff token. */
  let apiKey: string;
  /** A register the tenant has, so that a version route reaches the database. */
  let registerKey: string;
  let doc: Doc;
  const failures: string[] = [];

  beforeAll(async () => {
    h = await startApi({ LOGIN_MAX_PER_EMAIL: '1000', LOGIN_MAX_PER_IP: '100000' });
    await createStaff(h.db.owner, 'admin@hygiene.test', { tenant: TENANT });
    await createStaff(h.db.owner, 'admin@ino-hygiene.test', { tenant: 'inomedis' });
    token = await h.login('admin@hygiene.test');
    apiKey = (await h.http().post(`/api/v1/tenants/${TENANT}/systems`).set('Authorization', `Bearer ${token}`).send({ name: 'hygiene' })).body.apiKey;
    doc = (await h.http().get('/api/docs/openapi.json')).body as Doc;
    registerKey = (await h.http().get(`/api/v1/tenants/${TENANT}/registers`).set('Authorization', `Bearer ${token}`)).body[0].key;
    expect(registerKey).toEqual(expect.any(String));
  });
  afterAll(() => h?.close());

  const resolve = (s: Schema | undefined): Schema => {
    if (!s) return {};
    if (s.$ref) return resolve(doc.components?.schemas?.[s.$ref.split('/').pop()!]);
    if (s.allOf) return s.allOf.map(resolve).reduce((a, b) => ({ ...a, ...b, properties: { ...a.properties, ...b.properties } }), {});
    if (s.oneOf ?? s.anyOf) return resolve((s.oneOf ?? s.anyOf)![0]);
    return s;
  };

  /** A plausible value of a schema (so that the bad value is the only thing wrong). */
  const sample = (raw: Schema | undefined, depth = 0): unknown => {
    const s = resolve(raw);
    if (s.example !== undefined) return s.example;
    if (s.enum?.length) return s.enum[0];
    switch (s.type) {
      case 'integer':
      case 'number':
        return 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 3 ? [] : [sample(s.items, depth + 1)];
      case 'string':
        if (s.format === 'email') return 'someone@example.com';
        if (s.format === 'date-time') return '2026-01-15T10:00:00.000Z';
        if (s.format === 'date') return '2026-01-15';
        if (s.format === 'uuid') return randomUUID();
        if (s.format === 'uri' || s.format === 'url') return 'https://example.com/hook';
        return 'text';
      default:
        if (!s.properties || depth > 3) return {};
        return Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, sample(v, depth + 1)]));
    }
  };

  /** Every string inside a JSON value, with its field name as the 400 names it (`body.items[0].name`). */
  const stringPaths = (v: unknown, path: string): string[] => {
    if (typeof v === 'string') return [path];
    if (Array.isArray(v)) return v.flatMap((x, i) => stringPaths(x, `${path}[${i}]`));
    if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => stringPaths(x, `${path}.${k}`));
    return [];
  };
  const replaced = (v: unknown, path: string[], value: string): unknown => {
    if (!path.length) return value;
    const [head, ...rest] = path;
    if (Array.isArray(v)) return v.map((x, i) => (String(i) === head ? replaced(x, rest, value) : x));
    return { ...(v as object), [head]: replaced((v as Record<string, unknown>)[head], rest, value) };
  };
  const segments = (field: string) => field.replace(/^body\.?/, '').replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);

  const pathValue = (p: Param): string => {
    const s = resolve(p.schema);
    if (p.name === 'slug' || p.name === 'tenant') return TENANT;
    if (p.name === 'key') return registerKey;
    if (s.enum?.length) return String(s.enum[0]);
    if (s.type === 'integer' || s.type === 'number') return '1';
    if (s.format === 'uuid') return randomUUID();
    return 'x';
  };

  async function send(method: string, path: string, query: Record<string, string>, body: unknown): Promise<{ status: number; body: { message?: unknown } }> {
    const qs = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    const url = qs ? `${path}?${qs}` : path;
    const req = (h.http() as unknown as Record<string, (u: string) => import('supertest').Test>)[method](url).set('Authorization', `Bearer ${path.startsWith('/api/v1/ingest/') ? apiKey : token}`);
    const res = body === undefined ? await req : await req.send(body as object);
    return { status: res.status, body: res.body };
  }

  function expectNamed(what: string, res: { status: number; body: { message?: unknown } }, field: string): void {
    const message = JSON.stringify(res.body?.message ?? '');
    if (res.status !== 400 || !message.includes(field)) failures.push(`${what}: ${res.status} ${message.slice(0, 160)}`);
  }

  it('answers 400 naming the field for NUL, lone surrogates and out-of-range integers, on every operation', async () => {
    let sent = 0;
    for (const [template, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        const params = op.parameters ?? [];
        const pathParams = params.filter((p) => p.in === 'path');
        const queryParams = params.filter((p) => p.in === 'query');
        const fill = (override: Record<string, string> = {}) =>
          template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(override[name] ?? pathValue(pathParams.find((p) => p.name === name) ?? { name, in: 'path' })));
        const baseQuery = Object.fromEntries(queryParams.filter((p) => p.required).map((p) => [p.name, String(sample(p.schema))]));
        const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
        const body = jsonSchema ? sample(jsonSchema) : undefined;
        const what = (detail: string) => `${method.toUpperCase()} ${template} ${detail}`;

        for (const p of [...pathParams, ...queryParams]) {
          const s = resolve(p.schema);
          const numeric = s.type === 'integer' || s.type === 'number';
          const values = numeric ? [...NOT_AN_INT, NUL] : s.enum ? [NUL] : [NUL];
          for (const v of values) {
            const res = p.in === 'path' ? await send(method, fill({ [p.name]: v }), baseQuery, body) : await send(method, fill(), { ...baseQuery, [p.name]: v }, body);
            sent++;
            expectNamed(what(`${p.in}.${p.name}=${JSON.stringify(v)}`), res, `${p.in === 'path' ? 'params' : 'query'}.${p.name}`);
          }
          if (numeric) {
            const res = p.in === 'path' ? await send(method, fill({ [p.name]: BEYOND_INT4 }), baseQuery, body) : await send(method, fill(), { ...baseQuery, [p.name]: BEYOND_INT4 }, body);
            sent++;
            if (res.status >= 500) failures.push(what(`${p.in}.${p.name}=${BEYOND_INT4}: ${res.status}`));
          }
        }
        if (body !== undefined) {
          for (const field of stringPaths(body, 'body')) {
            for (const v of [NUL, LONE_SURROGATE]) {
              const res = await send(method, fill(), baseQuery, replaced(body, segments(field), v));
              sent++;
              expectNamed(what(`${field}=${JSON.stringify(v)}`), res, field);
            }
          }
        }
      }
    }
    // The walk reached the operations (not an empty document).
    expect(sent).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  });

  it('names the field in the documented cases of issue 12', async () => {
    const cases: [string, string][] = [
      [`/api/v1/tenants/medical-management/registers/${registerKey}/versions/2147483648`, 'params.version'],
      ['/api/v1/tenants/medical-management/policies/99999999999999999999', 'params.number'],
      ['/api/v1/tenants/medical-management/audit?beforeSeq=9223372036854775808', 'query.beforeSeq'],
      ['/api/v1/tenants/medical-management/breaches?offset=1e20', 'query.offset'],
    ];
    for (const [url, field] of cases) {
      const res = await h.http().get(url).set('Authorization', `Bearer ${token}`);
      expect({ url, status: res.status, named: JSON.stringify(res.body.message).includes(field) }).toEqual({ url, status: 400, named: true });
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    }
    // The sign-in e-mail with a lone surrogate, unauthenticated.
    const login = await h.http().post('/api/v1/auth/login').send({ email: 'a\ud800@example.com', password: 'x' });
    expect({ status: login.status, message: login.body.message }).toEqual({ status: 400, message: [expect.stringContaining('body.email')] });
  });

  it("answers a public form's NUL with a 400 page in the tenant's language, naming the field", async () => {
    const res = await h.http().post('/t/inomedis/request/access?lang=lv').type('form').send({ name: 'Anna\u0000', email: 'anna@example.com' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<html lang="lv"');
    expect(res.text).toContain('laukā “body.name” ir neatļauta rakstzīme');
    // A JSON body to the same form, with a lone surrogate.
    const json = await h.http().post('/t/inomedis/request/access?lang=lv').send({ name: 'Anna\ud800', email: 'anna@example.com' });
    expect(json.status).toBe(400);
    expect(json.text).toContain('laukā “body.name” ir neatļauta rakstzīme');
  });

  it("answers a dashboard form's NUL with a 400 page in the page's language", async () => {
    const admin = new AdminClient(h);
    expect((await admin.login('admin@ino-hygiene.test')).status).toBe(303);
    await admin.get('/admin/t/inomedis/requests?lang=lv');
    const page = await admin.get('/admin/t/inomedis/requests');
    const res = await admin.post('/admin/t/inomedis/requests/search', { q: 'x\u0000', _csrf: AdminClient.csrfOf(page.text) });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Laukā “body.q” ir rakstzīme, ko nevar saglabāt');
    // The sign-in form itself (before any session).
    const login = await h.http().post('/admin/login').type('form').send({ email: 'a\u0000@example.com', password: 'x' });
    expect(login.status).toBe(400);
  });

  it('checks the text fields of multipart bodies too', async () => {
    const res = await h.http()
      .post('/api/v1/tenants/medical-management/requests/ABC-123/replies')
      .set('Authorization', `Bearer ${token}`)
      .field('note', 'a\u0000b')
      .attach('file', Buffer.from('%PDF-1.4\n'), 'reply.pdf');
    expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: [expect.stringContaining('body.note')] });
  });

  it('reads a malformed regula_admin cookie as none on the queue board, and checks its sign-in form', async () => {
    for (const cookie of ['regula_admin=%E0%A4%A', 'regula_admin=%', 'regula_admin=%ZZ']) {
      expect({ cookie, status: (await h.http().get('/admin/queues').set('Cookie', cookie)).status }).toEqual({ cookie, status: 401 });
    }
    const form = await h.http().post('/admin/queues/login').type('form').send({ email: 'a\u0000@example.com', password: 'x' });
    expect(form.status).toBe(400);
    const api = await h.http().post('/admin/queues/login').send({ email: 'a\ud800@example.com', password: 'x' });
    expect({ status: api.status, message: api.body.message }).toEqual({ status: 400, message: [expect.stringContaining('body.email')] });
  });

  it('answers 400 to a NUL in the path, query or form of every page outside the OpenAPI document', async () => {
    const router = (h.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
    const routes = router.stack.flatMap((l) => (l.route && /^\/(admin|t)\//.test(l.route.path) ? Object.keys(l.route.methods).filter((m) => m === 'get' || m === 'post').map((m) => ({ m, path: l.route!.path })) : []));
    expect(routes.length).toBeGreaterThan(30);
    const bad: string[] = [];
    for (const { m, path } of routes) {
      const names = [...path.matchAll(/:(\w+)/g)].map((x) => x[1]);
      const fill = (nul?: string) => path.replace(/:(\w+)/g, (_, n: string) => (n === nul ? 'a%00b' : n === 'slug' || n === 'tenant' ? 'inomedis' : 'x'));
      const tries: [string, () => Promise<{ status: number; text: string }>][] = [
        ['query.q', () => (m === 'get' ? h.http().get(`${fill()}?q=a%00b`) : h.http().post(`${fill()}?q=a%00b`).type('form').send({}))],
        ...names.map((n): [string, () => Promise<{ status: number; text: string }>] => [`params.${n}`, () => (m === 'get' ? h.http().get(fill(n)) : h.http().post(fill(n)).type('form').send({}))]),
        ...(m === 'post' ? [['body.note', () => h.http().post(fill()).type('form').send({ note: 'a\u0000b' })] as [string, () => Promise<{ status: number; text: string }>]] : []),
      ];
      for (const [field, run] of tries) {
        const res = await run();
        if (res.status !== 400 || !res.text.includes(field)) bad.push(`${m.toUpperCase()} ${path} ${field}: ${res.status}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
