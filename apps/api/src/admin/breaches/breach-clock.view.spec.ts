import { breachClockWords } from './breach-clock.view';

const t = (key: string, vars: Record<string, unknown> = {}) => `${key}${Object.keys(vars).length ? ` ${JSON.stringify(vars)}` : ''}`;
const deadline = new Date('2026-11-23T12:00:00Z');
const open = { risk: 'risk' as const, closedAt: null, authorityNotifiedAt: null, clock: { deadlineAt: deadline, hoursLeft: 0, overdue: false, notifiedLate: false, remindersSent: [], deadlinePassedAt: null, explanation: [] } };
const at = (iso: string) => new Date(iso);

describe('breach clock in words (dashboard)', () => {
  it('hours and minutes left, amber within 48 hours, red within 24', () => {
    expect(breachClockWords(open, at('2026-11-20T22:55:00Z'), t)).toEqual({ urgency: 'normal', words: 'breaches.clock.left {"hours":61,"minutes":5}', passed: false, running: true });
    expect(breachClockWords(open, at('2026-11-21T12:00:00Z'), t).urgency).toBe('soon');
    expect(breachClockWords(open, at('2026-11-22T12:00:01Z'), t)).toMatchObject({ urgency: 'critical', words: 'breaches.clock.left {"hours":23,"minutes":59}' });
  });
  it('passed: dark red, with how long ago', () => {
    expect(breachClockWords(open, at('2026-11-23T15:20:30Z'), t)).toEqual({ urgency: 'overdue', words: 'breaches.clock.passed {"hours":3,"minutes":20}', passed: true, running: true });
  });
  it('stops once the authority is told (late or not), for no risk, and when closed', () => {
    expect(breachClockWords({ ...open, authorityNotifiedAt: at('2026-11-22T00:00:00Z') }, at('2026-11-24T00:00:00Z'), t)).toMatchObject({ urgency: 'closed', words: 'breaches.clock.notifiedInTime', running: false });
    expect(breachClockWords({ ...open, authorityNotifiedAt: at('2026-11-24T00:00:00Z'), clock: { ...open.clock, notifiedLate: true } }, at('2026-11-24T00:00:00Z'), t)).toMatchObject({ words: 'breaches.clock.notifiedLate', passed: true });
    expect(breachClockWords({ ...open, risk: 'no-risk' }, at('2026-11-24T00:00:00Z'), t).words).toBe('breaches.clock.noRisk');
    expect(breachClockWords({ ...open, closedAt: at('2026-11-22T00:00:00Z') }, at('2026-11-24T00:00:00Z'), t).words).toBe('breaches.clock.closed');
  });
});
