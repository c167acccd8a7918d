import { startApi, Harness } from './support/api-harness';
import { createStaff } from './support/staff';
import { exampleOf, OpenApiDoc, openApiProblems, operationsOf } from './support/openapi-rules';

/**
 * The OpenAPI document cannot drift (issue 15 §2): every operation declares its
 * path and query parameters, its body (or that it has none), its success
 * answer's schema and its error answers, each with an example valid against
 * its schema; a date's example counts from the day the document is served.
 * What the API really answers is held to the same document by every e2e suite
 * (test/support/response-check.ts); here the GET operations are also called
 * with their own examples, as Try-it-out would.
 */
describe('the OpenAPI document', () => {
  let h: Harness;
  let doc: OpenApiDoc;
  let token: string;
  let servedOn: string;

  beforeAll(async () => {
    h = await startApi();
    servedOn = new Date().toISOString().slice(0, 10);
    doc = (await h.http().get('/api/docs/openapi.json').expect(200)).body as OpenApiDoc;
    // The controllers have been on Regula a while: an as-of example of today (a UTC day) is never before
    // a tenant's creation in its own time zone (Tallinn's day starts two hours before UTC's).
    await h.db.owner.query(`UPDATE tenants SET created_at = created_at - interval '30 days'`);
    await createStaff(h.db.owner, 'admin@mm.test', { tenant: 'medical-management' });
    token = await h.login('admin@mm.test');
    // The state a controller has once it works on its policy: an open draft (its preview is a read below).
    await h.http().post('/api/v1/tenants/medical-management/policies/drafts').set('Authorization', `Bearer ${token}`).expect(201);
  });

  /** Reads whose examples name what a fresh demo controller does not have yet (they answer a declared 404 until then). */
  const NEEDS_STATE: Record<string, string> = {
    '/api/v1/tenants/{slug}/policies/diff': 'two published versions of the policy',
    '/api/v1/tenants/{slug}/outbox': 'a request with the example reference (the filter answers 404 for an unknown one)',
  };
  afterAll(() => h?.close());

  it('declares every operation whole: parameters, body, success and error answers, with valid examples', () => {
    expect(operationsOf(doc).length).toBeGreaterThan(70);
    expect(openApiProblems(doc)).toEqual([]);
  });

  it('fails an operation that lacks any of these (the rules can fail)', () => {
    const broken = JSON.parse(JSON.stringify(doc)) as OpenApiDoc;
    const list = broken.paths['/api/v1/tenants/{slug}/requests'].get;
    list.parameters = list.parameters!.filter((p) => p.name !== 'slug');
    const dueBefore = list.parameters.find((p) => p.name === 'dueBefore')!;
    dueBefore.schema = { type: 'string', format: 'date', example: '2026-04-30' };
    delete list.responses!['200'].content;
    delete list.responses!['401'];
    const login = broken.paths['/api/v1/auth/login'].post;
    delete login.requestBody;
    const detail = broken.paths['/api/v1/tenants/{slug}/requests/{reference}'].get;
    detail.parameters!.find((p) => p.name === 'reference')!.schema!.example = 'not a reference';
    const problems = openApiProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        'GET /api/v1/tenants/{slug}/requests: path parameter {slug} not declared',
        'GET /api/v1/tenants/{slug}/requests: query parameter dueBefore is a date with a fixed example (it goes stale): give it a day offset',
        'GET /api/v1/tenants/{slug}/requests: 200 answer has no content declared',
        'GET /api/v1/tenants/{slug}/requests: needs a token but does not declare 401',
        'POST /api/v1/auth/login: no request body declared (mark an operation without one as such)',
        expect.stringMatching(/^GET \/api\/v1\/tenants\/\{slug\}\/requests\/\{reference\}: path parameter reference: example "not a reference" is not valid/),
      ]),
    );
  });

  it("gives today's dates as the examples of dated parameters", () => {
    const dueBefore = doc.paths['/api/v1/tenants/{slug}/requests'].get.parameters!.find((p) => p.name === 'dueBefore')!;
    const example = String(dueBefore.example ?? dueBefore.schema?.example);
    // Counted from the day the document was served (the API's clock): a filter that still finds what is due.
    expect(example > servedOn).toBe(true);
  });

  it('answers every read with its own examples as Try-it-out would, with a declared status; those of a tenant alone succeed', async () => {
    const outcomes: string[] = [];
    for (const { path, op } of operationsOf(doc).filter((o) => o.method === 'get')) {
      let url = path;
      const query: Record<string, string> = {};
      for (const p of op.parameters ?? []) {
        const ex = p.example ?? p.schema?.example;
        if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(ex)));
        if (p.in === 'query' && ex !== undefined) query[p.name] = String(ex);
      }
      const usesKey = path.startsWith('/api/v1/ingest/');
      const platform = path.startsWith('/api/v1/platform/');
      if (usesKey || platform) continue; // an API key of a source system, a platform admin: their own suites
      const res = await h.http().get(url).query(query).set('Authorization', `Bearer ${token}`).buffer(true).parse((r, cb) => { r.on('data', () => undefined); r.on('end', () => cb(null, null)); });
      const declared = Object.keys(op.responses ?? {});
      if (!declared.includes(String(res.status))) outcomes.push(`GET ${url}: ${res.status} is not declared (${declared.join(', ')})`);
      const onlyTenant = [...path.matchAll(/\{(\w+)\}/g)].every((m) => m[1] === 'slug');
      if (onlyTenant && res.status >= 300 && !NEEDS_STATE[path]) outcomes.push(`GET ${url}?${new URLSearchParams(query)}: ${res.status} with its own examples`);
    }
    expect(outcomes).toEqual([]);
  });

  it('composes a success example for the login answer that names the token', () => {
    const ok = doc.paths['/api/v1/auth/login'].post.responses!['200'].content!['application/json'];
    expect(exampleOf(doc, ok.schema)).toEqual(expect.objectContaining({ accessToken: expect.any(String) }));
  });
});
