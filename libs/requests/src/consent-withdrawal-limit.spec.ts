import { withdrawalLimitOf, type WithdrawalLimitFacts } from './consent-withdrawal-limit';

describe('withdrawalLimitOf (the promised outer limit of a consent withdrawal)', () => {
  const inomedis: WithdrawalLimitFacts = {
    jurisdiction: { country: 'LV', timeZone: 'Europe/Riga' },
    requests: { consentWithdrawalWorkingDays: 3, fieldRefs: { consentWithdrawalWorkingDays: [{ source: 'notice', at: 'clause 15', note: 'within three working days' }] } },
    documents: [{ id: 'notice', title: 'Inomedis privacy policy', role: 'notice' }],
  };

  it('counts three Latvian working days from receipt, past weekends and public holidays, and names the clause', () => {
    // Fri 19 June 2026, 18:00 in Riga; 23 and 24 June are Latvian holidays: Mon 22, Thu 25, Fri 26.
    const limit = withdrawalLimitOf({ type: 'consent-withdrawal', receivedAt: new Date('2026-06-19T15:00:00Z') }, inomedis)!;
    expect(limit).toMatchObject({ workingDays: 3, dueDate: '2026-06-26', ref: { notice: true, title: 'Inomedis privacy policy', clause: '15' } });
    expect(limit.dueAt.toISOString()).toBe('2026-06-26T20:59:59.999Z');
    expect(limit.explanation.join(' ')).toMatch(/1182\/71/);
  });

  it('is none for other request types and for a controller that promises no period', () => {
    expect(withdrawalLimitOf({ type: 'erasure', receivedAt: new Date('2026-06-19T15:00:00Z') }, inomedis)).toBeNull();
    const atOnce = { ...inomedis, requests: { consentWithdrawalWorkingDays: 0 } };
    expect(withdrawalLimitOf({ type: 'consent-withdrawal', receivedAt: new Date('2026-06-19T15:00:00Z') }, atOnce)).toBeNull();
    expect(withdrawalLimitOf({ type: 'consent-withdrawal', receivedAt: new Date('2026-06-19T15:00:00Z') }, null)).toBeNull();
  });

  it('names a source that is not one of the documents as the facts do', () => {
    const other = { ...inomedis, requests: { ...inomedis.requests, fieldRefs: { consentWithdrawalWorkingDays: [{ source: 'GDPR', at: 'Art. 7(3)' }] } } };
    expect(withdrawalLimitOf({ type: 'consent-withdrawal', receivedAt: new Date('2026-06-19T15:00:00Z') }, other)!.ref).toEqual({ notice: false, title: 'GDPR', at: 'Art. 7(3)' });
  });
});
