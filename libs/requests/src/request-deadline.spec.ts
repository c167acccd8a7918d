import { CheckedCountry } from '@regula/engine';
import { requestDeadlines, SuspensionSpan } from './request-deadline';

const ZONES: Record<CheckedCountry, string> = { EE: 'Europe/Tallinn', LT: 'Europe/Vilnius', LV: 'Europe/Riga', SE: 'Europe/Stockholm' };

/** Noon local time on a date: an instant whose local date is unambiguous in every zone here. */
const noon = (date: string) => new Date(`${date}T10:00:00Z`);

function due(country: keyof typeof ZONES, received: string, opts: { suspensions?: SuspensionSpan[]; extended?: boolean; now?: string } = {}) {
  return requestDeadlines({
    receivedAt: noon(received),
    suspensions: opts.suspensions ?? [],
    extended: !!opts.extended,
    country,
    timeZone: ZONES[country],
    now: noon(opts.now ?? received),
  });
}

describe('request deadlines (worked examples, through the engine)', () => {
  it.each(['EE', 'LT', 'LV', 'SE'] as const)('received Sat 31 Jan 2026 (%s): due Mon 2 Mar 2026; extended: Thu 30 Apr 2026', (c) => {
    expect(due(c, '2026-01-31').dueDate).toBe('2026-03-02');
    const ext = due(c, '2026-01-31', { extended: true });
    expect(ext.dueDate).toBe('2026-04-30');
    // The one-month date is kept beside the extended one.
    expect(ext.first.dueDate).toBe('2026-03-02');
  });

  it('received Thu 5 Mar 2026: EE Mon 6 Apr; LT, LV, SE Tue 7 Apr (Easter Monday)', () => {
    expect(due('EE', '2026-03-05').dueDate).toBe('2026-04-06');
    for (const c of ['LT', 'LV', 'SE'] as const) expect(due(c, '2026-03-05').dueDate).toBe('2026-04-07');
  });

  it('received Sat 23 May 2026: EE, LV Thu 25 Jun; LT, SE Tue 23 Jun', () => {
    expect(due('EE', '2026-05-23').dueDate).toBe('2026-06-25');
    expect(due('LV', '2026-05-23').dueDate).toBe('2026-06-25');
    expect(due('LT', '2026-05-23').dueDate).toBe('2026-06-23');
    expect(due('SE', '2026-05-23').dueDate).toBe('2026-06-23');
  });

  it('due at the end of the local due day (23:59:59.999 in the controller\'s zone)', () => {
    const d = due('EE', '2026-03-05');
    expect(d.dueAt.toISOString()).toBe('2026-04-06T20:59:59.999Z'); // Tallinn summer time, UTC+3
    expect(d.firstDueAt).toEqual(d.dueAt);
  });

  it('waiting for identity stops the clock: 5 Mar (EE), identity confirmed 9 Mar: 3 days added, due Wed 8 Apr', () => {
    const d = due('EE', '2026-03-05', { suspensions: [{ fromAt: noon('2026-03-05'), toAt: noon('2026-03-09') }] });
    expect(d.current.suspendedDays).toBe(3);
    expect(d.dueDate).toBe('2026-04-08');
    expect(d.current.explanation.join(' ')).toMatch(/EDPB Guidelines 01\/2022 §159/);
  });

  it('identity confirmed on the day of receipt adds nothing', () => {
    const d = due('SE', '2026-05-20', { suspensions: [{ fromAt: noon('2026-05-20'), toAt: new Date('2026-05-20T15:00:00Z') }] });
    expect(d.current.suspendedDays).toBe(0);
    expect(d.dueDate).toBe('2026-06-22'); // Sat 20 Jun is Midsummer Day: Mon 22 Jun
  });

  it('a later identity wait adds its whole days: SE 20 May 2026, waiting 1-4 Jun noon (2 and 3 Jun whole): due Mon 22 Jun', () => {
    const d = due('SE', '2026-05-20', { suspensions: [{ fromAt: noon('2026-06-01'), toAt: noon('2026-06-04') }], now: '2026-06-10' });
    expect(d.current.suspendedDays).toBe(2);
    expect(d.current.nominalDate).toBe('2026-06-22'); // 20 Jun + 2
    expect(d.dueDate).toBe('2026-06-22');
  });

  it('ten minutes across midnight add no day (LV, 9-10 Mar 2026)', () => {
    const d = due('LV', '2026-03-05', { suspensions: [{ fromAt: new Date('2026-03-09T21:55:00Z'), toAt: new Date('2026-03-09T22:05:00Z') }], now: '2026-03-12' });
    expect(d.current.suspendedDays).toBe(0);
    expect(d.dueDate).toBe(due('LV', '2026-03-05').dueDate);
  });

  it('an open suspension counts until now', () => {
    const open = [{ fromAt: noon('2026-03-05'), toAt: null }];
    expect(due('EE', '2026-03-05', { suspensions: open, now: '2026-03-05' }).dueDate).toBe('2026-04-06');
    expect(due('EE', '2026-03-05', { suspensions: open, now: '2026-03-12' }).dueDate).toBe('2026-04-13');
  });

  it('the extension is three months from receipt plus the suspensions, not two months added to the one-month date', () => {
    const suspensions = [{ fromAt: noon('2026-01-31'), toAt: noon('2026-02-02') }]; // 1 day counted (1 Feb)
    const d = due('EE', '2026-01-31', { suspensions, extended: true, now: '2026-02-10' });
    expect(d.first.dueDate).toBe('2026-03-02'); // 28 Feb + 1 = Sun 1 Mar -> Mon 2 Mar
    expect(d.current.nominalDate).toBe('2026-05-01'); // 30 Apr + 1
    expect(d.dueDate).toBe('2026-05-04'); // 1 May (holiday), 2-3 May weekend
    expect(d.firstDueAt.getTime()).toBeLessThan(d.dueAt.getTime());
  });

  it('an open suspension that started in the future of `now` (clock skew) counts nothing', () => {
    const d = due('LV', '2026-03-05', { suspensions: [{ fromAt: noon('2026-03-10'), toAt: null }], now: '2026-03-08' });
    expect(d.current.suspendedDays).toBe(0);
  });
});
