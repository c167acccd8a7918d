import { addDays, daysBetween, todayIn, urgencyOf } from './request-urgency';

describe('request urgency (dashboard row colours)', () => {
  const open = { overdue: false, closedAt: null, suspended: null };
  it('counts calendar days in the controller time zone', () => {
    expect(todayIn('Europe/Riga', new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(daysBetween('2026-03-30', '2026-04-02')).toBe(3);
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
  it('amber within 7 days, red within 2, overdue first of all; closed and paused apart', () => {
    expect(urgencyOf({ ...open, dueDate: '2026-04-10' }, '2026-04-01').urgency).toBe('normal');
    expect(urgencyOf({ ...open, dueDate: '2026-04-08' }, '2026-04-01').urgency).toBe('soon');
    expect(urgencyOf({ ...open, dueDate: '2026-04-03' }, '2026-04-01')).toEqual({ urgency: 'critical', daysLeft: 2 });
    expect(urgencyOf({ ...open, overdue: true, dueDate: '2026-03-30' }, '2026-04-01')).toEqual({ urgency: 'overdue', daysLeft: -2 });
    expect(urgencyOf({ ...open, suspended: 'pause', dueDate: '2026-04-02' }, '2026-04-01').urgency).toBe('paused');
    expect(urgencyOf({ ...open, closedAt: new Date(), dueDate: '2026-04-02' }, '2026-04-01').urgency).toBe('closed');
  });
});
