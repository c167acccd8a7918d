import { RequestRecordingService } from '@regula/requests';
import { AdminClient, textOf } from './support/admin-client';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

/**
 * The request desk counts days on the API's CLOCK, like the request logic
 * does: the queue's days left, the request page's and the home page's
 * overdue warnings move when the clock moves, whatever the date on the
 * machine running the test.
 */
describe('the request desk on the injectable clock', () => {
  let h: Harness;
  let tenantId: string;
  let adminId: string;
  let now = new Date('2026-03-02T09:00:00.000Z');

  beforeAll(async () => {
    h = await startApi({}, { clock: () => now });
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    adminId = await createStaff(h.db.owner, 'desk.clock@inomedis.test', { tenant: 'inomedis' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the days left and then overdue as the clock moves', async () => {
    // A letter that reached Inomedis on Monday 2 March 2026, identity established: due Thursday 2 April 2026.
    const { requests: [r] } = await h.app.get(RequestRecordingService).record(
      tenantId,
      { channel: 'post', receivedAt: '2026-03-02T08:00:00Z', name: 'Klāvs Bērziņš', postalAddress: 'Brīvības iela 1, Rīga', types: ['access'], locale: 'lv', identityNote: 'Parakstīta vēstule' },
      { userId: adminId, label: 'desk.clock@inomedis.test' },
    );
    // Signed in afresh at each instant: a session's lifetime runs on the same clock.
    const signedIn = async () => {
      const c = new AdminClient(h);
      expect((await c.login('desk.clock@inomedis.test')).status).toBe(303);
      return c;
    };
    const rowOf = async () => {
      const c = await signedIn();
      const page = textOf((await c.get('/admin/t/inomedis/requests?lang=en')).text);
      if (!page.includes(r.reference)) throw new Error(page.slice(0, 3000));
      return page.slice(page.indexOf(r.reference), page.indexOf(r.reference) + 400);
    };

    now = new Date('2026-03-30T09:00:00.000Z');
    expect(await rowOf()).toContain('3 days left');

    now = new Date('2026-04-06T09:00:00.000Z');
    const row = await rowOf();
    expect(row).not.toContain('days left');
    expect(row.toLowerCase()).toContain('overdue');
    const detail = textOf((await (await signedIn()).get(`/admin/t/inomedis/requests/${r.reference}?lang=en`)).text);
    expect(detail.toLowerCase()).toContain('overdue');
  });
});
