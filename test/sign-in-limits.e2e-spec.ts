import { PasswordService } from '@regula/auth';
import { Harness, startApi, DEMO_PASSWORD } from './support/api-harness';
import { createStaff } from './support/staff';

describe('sign-in limits under concurrency (issue 12, item 4)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApi({ LOGIN_MAX_PER_EMAIL: '5', LOGIN_MAX_PER_IP: '1000' });
    await createStaff(h.db.owner, 'burst@softera.test', { tenant: 'softera-baltic' });
  });
  afterAll(() => h?.close());

  it('15 simultaneous wrong passwords for one address: at most 5 reach argon2, the rest 429 with Retry-After', async () => {
    const verify = jest.spyOn(h.app.get(PasswordService), 'verify');
    const all = await Promise.all(
      Array.from({ length: 15 }, (_, i) => h.http().post('/api/v1/auth/login').send({ email: 'burst@softera.test', password: `wrong password ${i}` })),
    );
    const checked = all.filter((r) => r.status === 401).length;
    const refused = all.filter((r) => r.status === 429);
    expect(verify.mock.calls.length).toBeLessThanOrEqual(5);
    expect(checked).toBe(verify.mock.calls.length);
    expect(refused.length).toBe(15 - checked);
    for (const r of refused) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    verify.mockRestore();
  });
});
