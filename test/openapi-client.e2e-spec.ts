import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD, startApi, Harness } from './support/api-harness';
import { createStaff } from './support/staff';
import { clientTypes, CLIENT_TYPES_FILE } from './support/api-client/generate';
import { complianceJourney } from './support/api-client/journey';

/**
 * A client generated from the OpenAPI document (openapi-typescript types,
 * openapi-fetch calls) runs a compliance admin's journey against the running
 * API (issue 15 §2). The generated types are committed; this suite fails when
 * the document no longer gives them (`npm run api:client` against a running API, or UPDATE_API_CLIENT=1 here, rewrites the file), the
 * type check of `npm test` holds the journey to them, and here the journey runs.
 */
describe('a client generated from the OpenAPI document', () => {
  let h: Harness;
  let baseUrl: string;

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@mm.test', { tenant: 'medical-management' });
    await h.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => h?.close());

  it('is the committed one: the document gives exactly these types', async () => {
    const doc = (await h.http().get('/api/docs/openapi.json').expect(200)).body;
    const generated = clientTypes(doc);
    if (process.env.UPDATE_API_CLIENT === '1') writeFileSync(CLIENT_TYPES_FILE, generated);
    expect(readFileSync(CLIENT_TYPES_FILE, 'utf8')).toBe(generated);
  });

  it('signs in, records a request, finds it by a filter, extends it and reads the audit log', async () => {
    const receivedAt = new Date(Date.now() - 3_600_000).toISOString();
    const seen = await complianceJourney(baseUrl, { email: 'admin@mm.test', password: DEMO_PASSWORD }, 'medical-management', receivedAt);
    expect(seen.reference).toMatch(/^R-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(seen.listed).toContain(seen.reference);
    // Art. 12(3): two further months.
    expect(seen.dueAfter > seen.dueBefore).toBe(true);
    expect(seen.auditActions).toEqual(expect.arrayContaining(['request.recorded', 'request.extended']));
  });
});
