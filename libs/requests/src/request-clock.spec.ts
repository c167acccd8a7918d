import { isIdentityRequestLate } from './request-clock';

describe('asking for identity late (issue 14 §2)', () => {
  const received = new Date('2026-03-02T08:00:00Z');
  it('is late only more than the set days after receipt (7 by default)', () => {
    expect(isIdentityRequestLate(received, received)).toBe(false);
    expect(isIdentityRequestLate(received, new Date('2026-03-09T08:00:00Z'))).toBe(false); // exactly 7 days
    expect(isIdentityRequestLate(received, new Date('2026-03-09T08:00:01Z'))).toBe(true);
    expect(isIdentityRequestLate(received, new Date('2026-03-05T08:00:01Z'), 3)).toBe(true);
  });
});
