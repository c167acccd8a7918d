import { BreachClockKind, breachDeadline, clockJobId, clockPlan, closeBlocker, dueStep, hoursLeft, nextClockAt, statusOf, stepDecision, stepMarker } from './breach-clock';

const base = { risk: 'risk' as const, authorityNotifiedAt: null, closedAt: null, remindersSent: [] as string[] };

describe('breach clock (GDPR Art. 33(1))', () => {
  it('runs 72 hours from awareness across a weekend with no shift', () => {
    // Friday 20 Nov 2026, 16:30 in Tallinn (14:30 UTC): due Monday 23 Nov, 16:30 local.
    const d = breachDeadline(new Date('2026-11-20T14:30:00Z'), { country: 'EE', timeZone: 'Europe/Tallinn' });
    expect(d.dueAt.toISOString()).toBe('2026-11-23T14:30:00.000Z');
    expect(d.dueDate).toBe('2026-11-23');
    expect(d.shifted).toEqual([]);
    expect(d.explanation.join(' ')).toMatch(/not moved for Saturdays, Sundays or public holidays/);
  });

  it('is not moved by a public holiday either (Christmas in Sweden)', () => {
    const d = breachDeadline(new Date('2026-12-22T09:00:00Z'), { country: 'SE', timeZone: 'Europe/Stockholm' });
    expect(d.dueAt.toISOString()).toBe('2026-12-25T09:00:00.000Z');
  });

  it('counts elapsed hours across a daylight-saving change (71 or 73 on the wall clock, 72 real)', () => {
    // Riga leaves summer time on Sunday 25 Oct 2026.
    const d = breachDeadline(new Date('2026-10-23T09:00:00Z'), { country: 'LV', timeZone: 'Europe/Riga' });
    expect(d.dueAt.getTime() - new Date('2026-10-23T09:00:00Z').getTime()).toBe(72 * 3_600_000);
  });

  it('plans reminders 48, 24 and 6 hours before the deadline, then the deadline itself', () => {
    const deadline = new Date('2026-11-23T14:30:00Z');
    expect(clockPlan(deadline).map((s) => [s.kind, s.at.toISOString()])).toEqual([
      ['reminder-48h', '2026-11-21T14:30:00.000Z'],
      ['reminder-24h', '2026-11-22T14:30:00.000Z'],
      ['reminder-6h', '2026-11-23T08:30:00.000Z'],
      ['deadline-passed', '2026-11-23T14:30:00.000Z'],
    ]);
  });

  it('decides each step once, only while the clock runs', () => {
    const deadlineAt = new Date('2026-11-23T14:30:00Z');
    const b = { ...base, deadlineAt };
    expect(stepDecision(b, 'reminder-24h', new Date('2026-11-22T14:00:00Z'))).toBe('not-due');
    expect(stepDecision(b, 'reminder-24h', new Date('2026-11-22T15:00:00Z'))).toBe('send');
    expect(stepDecision({ ...b, remindersSent: [stepMarker('reminder-24h', deadlineAt)] }, 'reminder-24h', new Date('2026-11-22T15:00:00Z'))).toBe('already-sent');
    // A marker of an earlier deadline does not count (awareness corrected).
    expect(stepDecision({ ...b, remindersSent: [stepMarker('reminder-24h', new Date('2026-11-20T00:00:00Z'))] }, 'reminder-24h', new Date('2026-11-22T15:00:00Z'))).toBe('send');
    expect(stepDecision({ ...b, authorityNotifiedAt: new Date('2026-11-22T10:00:00Z') }, 'reminder-24h', new Date('2026-11-22T15:00:00Z'))).toBe('stopped');
    expect(stepDecision({ ...b, risk: 'no-risk' }, 'deadline-passed', new Date('2026-11-24T00:00:00Z'))).toBe('stopped');
    // Late: the older reminder is superseded by the newer, every reminder by the deadline.
    expect(stepDecision(b, 'reminder-48h', new Date('2026-11-22T15:00:00Z'))).toBe('superseded');
    expect(stepDecision(b, 'reminder-6h', new Date('2026-11-24T00:00:00Z'))).toBe('superseded');
    expect(stepDecision(b, 'deadline-passed', new Date('2026-11-24T00:00:00Z'))).toBe('send');
  });

  it('lets the sweep pick the latest due step only', () => {
    const deadlineAt = new Date('2026-11-23T14:30:00Z');
    expect(dueStep({ ...base, deadlineAt }, new Date('2026-11-21T10:00:00Z'))).toBeNull();
    expect(dueStep({ ...base, deadlineAt }, new Date('2026-11-23T09:00:00Z'))).toBe('reminder-6h');
    expect(dueStep({ ...base, deadlineAt }, new Date('2026-11-25T09:00:00Z'))).toBe('deadline-passed');
    expect(dueStep({ ...base, deadlineAt, remindersSent: [stepMarker('deadline-passed', deadlineAt)] }, new Date('2026-11-25T09:00:00Z'))).toBeNull();
    expect(hoursLeft(deadlineAt, new Date('2026-11-22T14:30:00Z'))).toBe(24);
  });

  it('stores when the sweep must next look: the step after the latest sent, none once the deadline passed or the clock stopped', () => {
    const deadlineAt = new Date('2026-11-23T14:30:00Z');
    const b = { ...base, deadlineAt };
    const sent = (...kinds: BreachClockKind[]) => kinds.map((k) => stepMarker(k, deadlineAt));
    expect(nextClockAt(b)?.toISOString()).toBe('2026-11-21T14:30:00.000Z');
    expect(nextClockAt({ ...b, remindersSent: sent('reminder-24h') })?.toISOString()).toBe('2026-11-23T08:30:00.000Z'); // reminder-6h
    expect(nextClockAt({ ...b, remindersSent: sent('reminder-48h', 'reminder-24h', 'reminder-6h') })).toEqual(deadlineAt);
    expect(nextClockAt({ ...b, remindersSent: sent('deadline-passed') })).toBeNull();
    // A marker of an earlier deadline (the awareness time was corrected) does not count.
    expect(nextClockAt({ ...b, remindersSent: [stepMarker('reminder-48h', new Date('2026-11-22T10:00:00Z'))] })?.toISOString()).toBe('2026-11-21T14:30:00.000Z');
    expect(nextClockAt({ ...b, authorityNotifiedAt: new Date() })).toBeNull();
    expect(nextClockAt({ ...b, risk: 'no-risk' })).toBeNull();
  });

  it('a sweep that reads a breach only once its next step is due runs the steps one reading every breach ran', () => {
    const deadlineAt = new Date('2026-11-23T14:30:00Z');
    for (const start of ['2026-11-20T14:30:00Z', '2026-11-22T20:00:00Z', '2026-11-24T09:00:00Z']) {
      const every = { ...base, deadlineAt, remindersSent: [] as string[] };
      const due = { ...base, deadlineAt, remindersSent: [] as string[] };
      let next: Date | null = new Date(-8.64e15);
      for (let t = new Date(start).getTime(); t < deadlineAt.getTime() + 48 * 3_600_000; t += 5 * 60_000) {
        const now = new Date(t);
        const a = dueStep(every, now);
        if (a) every.remindersSent.push(stepMarker(a, deadlineAt));
        let b: BreachClockKind | null = null;
        if (next && next.getTime() <= t) {
          b = dueStep(due, now);
          if (b) due.remindersSent.push(stepMarker(b, deadlineAt));
          next = nextClockAt(due);
          expect(next === null || next.getTime() > t).toBe(true);
        }
        expect([t, b]).toEqual([t, a]);
      }
      expect(due.remindersSent).toEqual(every.remindersSent);
    }
  });

  it('gives deterministic job ids without colons', () => {
    const id = clockJobId('6f1c2a9e-0000-4000-8000-000000000001', 'reminder-6h', new Date('2026-11-23T14:30:00Z'));
    expect(id).toBe('breach-clock.6f1c2a9e-0000-4000-8000-000000000001.reminder-6h.1795444200000');
    expect(id).not.toContain(':');
  });

  it('derives the status and what blocks closing', () => {
    const none = { risk: null, authorityNotifiedAt: null, subjectsNotifiedAt: null, subjectsExemption: null, closedAt: null };
    expect(statusOf(none)).toBe('open');
    expect(statusOf({ ...none, risk: 'no-risk' })).toBe('documented');
    expect(statusOf({ ...none, risk: 'high-risk', authorityNotifiedAt: new Date() })).toBe('subjects-pending');
    expect(statusOf({ ...none, risk: 'high-risk', authorityNotifiedAt: new Date(), subjectsExemption: 'encrypted' })).toBe('notified');
    expect(closeBlocker({ ...none, risk: 'high-risk', authorityNotifiedAt: new Date() })).toMatch(/Art\. 34/);
    expect(closeBlocker({ ...none, risk: 'risk' })).toMatch(/Art\. 33\(1\)/);
    expect(closeBlocker({ ...none, risk: 'no-risk' })).toBeNull();
  });
});
