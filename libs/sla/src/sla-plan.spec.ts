import { loadWorkerConfig } from '@regula/platform';
import { requestDeadlines } from '@regula/requests';
import { DAY_MS, dueItems, nextNoticeAt, noticeKey, parseReminderDays, planSla, SlaItem, slaJobId, stillPlanned } from './sla-plan';

describe('SLA plan', () => {
  // Received Thu 5 March 2026 in Riga: due Tue 7 April 2026 (Easter Monday), 23:59:59.999 local (EEST, UTC+3).
  const d = requestDeadlines({ receivedAt: new Date('2026-03-05T10:00:00Z'), suspensions: [], extended: false, country: 'LV', timeZone: 'Europe/Riga', now: new Date('2026-03-05T10:00:00Z') });
  const req = { state: 'in-progress', dueAt: d.dueAt, firstDueAt: d.firstDueAt, extendedAt: null };

  it('parses SLA_REMINDER_DAYS, largest first, and refuses nonsense', () => {
    expect(parseReminderDays('14,7,2,0')).toEqual([14, 7, 2, 0]);
    expect(parseReminderDays(' 2, 14 ,7,7')).toEqual([14, 7, 2]);
    expect(() => parseReminderDays('14,seven')).toThrow(/SLA_REMINDER_DAYS: 'seven'/);
    expect(() => parseReminderDays('91')).toThrow(/0 to 90/);
    expect(() => parseReminderDays('-1')).toThrow();
  });

  it('plans a reminder at the start of the day n days before the due day, the overdue escalation and the extension alarm', () => {
    expect(d.dueAt.toISOString()).toBe('2026-04-07T20:59:59.999Z');
    const plan = planSla(req, [14, 7, 2, 0]);
    expect(plan.map((i) => [i.kind, i.at.toISOString()])).toEqual([
      ['reminder-14', '2026-03-23T21:00:00.000Z'], // 24 March 00:00 in Riga (EET, before the change to summer time: 1 h off at most)
      ['reminder-7', '2026-03-30T21:00:00.000Z'], // 31 March 00:00 in Riga
      ['reminder-2', '2026-04-04T21:00:00.000Z'], // 5 April 00:00
      ['reminder-0', '2026-04-06T21:00:00.000Z'], // 7 April 00:00: the due day
      ['overdue', '2026-04-07T21:00:00.000Z'], // just after the end of the due day
      ['extension-alarm', '2026-04-03T21:00:00.000Z'], // 4 April 00:00: three days before the first month ends
    ]);
    expect(plan.every((i) => i.kind === 'extension-alarm' ? i.dueAt === d.firstDueAt : i.dueAt === d.dueAt)).toBe(true);
  });

  it('alarms on a consent withdrawal\'s outer limit on the morning of its last day and just after it, even while the clock stands still; nothing once closed', () => {
    // Inomedis clause 15: three working days from receipt (Thu 5 March 2026) end Tue 10 March, 23:59:59.999 in Riga.
    const limit = new Date('2026-03-10T21:59:59.999Z');
    const plan = planSla({ ...req, withdrawalLimit: limit }, [14]);
    expect(plan.filter((i) => i.kind.startsWith('withdrawal-limit')).map((i) => [i.kind, i.at.toISOString(), i.dueAt])).toEqual([
      ['withdrawal-limit', '2026-03-09T22:00:00.000Z', limit], // 10 March 00:00 in Riga
      ['withdrawal-limit-passed', '2026-03-10T22:00:00.000Z', limit],
    ]);
    expect(planSla({ ...req, withdrawalLimit: limit, paused: true }, [14]).map((i) => i.kind)).toEqual(['withdrawal-limit', 'withdrawal-limit-passed']);
    expect(planSla({ ...req, withdrawalLimit: limit, state: 'completed' }, [14])).toEqual([]);
    // The clock is passed in: before the last day nothing, on it the warning, after it only the passed alarm.
    const kinds = (iso: string) => dueItems(plan, new Date(iso)).map((i) => i.kind).filter((k) => k.startsWith('withdrawal-limit'));
    expect(kinds('2026-03-09T21:00:00Z')).toEqual([]);
    expect(kinds('2026-03-10T08:00:00Z')).toEqual(['withdrawal-limit']);
    expect(kinds('2026-03-11T08:00:00Z')).toEqual(['withdrawal-limit-passed']);
    expect(stillPlanned({ ...req, withdrawalLimit: limit }, [14], 'withdrawal-limit-passed', limit)).toBe(true);
    expect(stillPlanned({ ...req, withdrawalLimit: null }, [14], 'withdrawal-limit-passed', limit)).toBe(false);
  });

  it('plans nothing for a closed or paused request, and no extension alarm once extended', () => {
    for (const state of ['completed', 'refused', 'withdrawn']) expect(planSla({ ...req, state }, [14, 7])).toEqual([]);
    expect(planSla({ ...req, paused: true }, [14, 7])).toEqual([]);
    const ext = requestDeadlines({ receivedAt: new Date('2026-03-05T10:00:00Z'), suspensions: [], extended: true, country: 'LV', timeZone: 'Europe/Riga', now: new Date() });
    const plan = planSla({ state: 'extended', dueAt: ext.dueAt, firstDueAt: ext.firstDueAt, extendedAt: new Date('2026-03-20T10:00:00Z') }, [14]);
    expect(plan.map((i) => i.kind)).toEqual(['reminder-14', 'overdue']);
    expect(plan[0].dueAt.toISOString()).toBe(ext.dueAt.toISOString());
  });

  it('sends only the latest due reminder, none once overdue, the extension alarm only while an extension is possible', () => {
    const plan = planSla(req, [14, 7, 2, 0]);
    const at = (iso: string) => dueItems(plan, new Date(iso)).map((i) => i.kind);
    expect(at('2026-03-20T12:00:00Z')).toEqual([]);
    expect(at('2026-03-24T12:00:00Z')).toEqual(['reminder-14']);
    expect(at('2026-04-02T12:00:00Z')).toEqual(['reminder-7']); // a request found late does not get 14 and 7 at once
    expect(at('2026-04-05T12:00:00Z')).toEqual(['reminder-2', 'extension-alarm']);
    expect(at('2026-04-08T12:00:00Z')).toEqual(['overdue']); // first month over: no extension possible
  });

  it('a pause or an extension moves the due instant: items of the old plan are no longer planned', () => {
    const moved = { ...req, dueAt: new Date(req.dueAt.getTime() + 3 * DAY_MS) };
    expect(stillPlanned(req, [7], 'reminder-7', req.dueAt)).toBe(true);
    expect(stillPlanned(moved, [7], 'reminder-7', req.dueAt)).toBe(false);
    expect(slaJobId('r1', 'reminder-7', req.dueAt)).toBe(`sla-r1-reminder-7-${req.dueAt.getTime()}`);
    expect(slaJobId('r1', 'reminder-7', req.dueAt)).not.toContain(':');
  });
});

describe('the next notice (rights_requests.next_notice_at)', () => {
  const d = requestDeadlines({ receivedAt: new Date('2026-03-05T10:00:00Z'), suspensions: [], extended: false, country: 'LV', timeZone: 'Europe/Riga', now: new Date('2026-03-05T10:00:00Z') });
  const req = { state: 'in-progress', dueAt: d.dueAt, firstDueAt: d.firstDueAt, extendedAt: null };
  const limit = new Date('2026-03-10T21:59:59.999Z');
  const iso = (x: Date | null) => x && x.toISOString();
  const sentOf = (...items: SlaItem[]) => new Set(items.map((i) => noticeKey(i.kind, i.dueAt)));

  it('is the earliest notice not sent: a late one at once, else the next planned; none once all are sent or the request is closed', () => {
    const plan = planSla(req, [14, 7, 2, 0]);
    const byKind = Object.fromEntries(plan.map((i) => [i.kind, i]));
    expect(iso(nextNoticeAt(plan, new Set(), new Date('2026-03-06T12:00:00Z')))).toBe('2026-03-23T21:00:00.000Z'); // reminder-14
    // Found late: reminder-7 is due now and not sent (reminder-14, superseded, does not count).
    expect(iso(nextNoticeAt(plan, new Set(), new Date('2026-04-02T12:00:00Z')))).toBe('2026-03-30T21:00:00.000Z');
    expect(iso(nextNoticeAt(plan, sentOf(byKind['reminder-7']), new Date('2026-04-02T12:00:00Z')))).toBe('2026-04-03T21:00:00.000Z'); // the extension alarm
    expect(nextNoticeAt(plan, sentOf(byKind.overdue), new Date('2026-04-09T12:00:00Z'))).toBeNull();
    expect(nextNoticeAt([], new Set(), new Date('2026-03-06T12:00:00Z'))).toBeNull();
    // While the clock stands still only the withdrawal limit counts.
    expect(iso(nextNoticeAt(planSla({ ...req, paused: true, withdrawalLimit: limit }, [14]), new Set(), new Date('2026-03-06T12:00:00Z')))).toBe('2026-03-09T22:00:00.000Z');
    expect(nextNoticeAt(planSla({ ...req, paused: true }, [14]), new Set(), new Date('2026-03-06T12:00:00Z'))).toBeNull();
  });

  // A sweep that reads a request only once its next notice is due sends the same notices, at the same sweeps, as one that reads it every time.
  it.each([
    ['from receipt', '2026-03-05T10:00:00Z', [14, 7, 2, 0], null],
    ['found late (recorded after reminders were due)', '2026-04-01T09:00:00Z', [14, 7, 2, 0], null],
    ['one reminder, a withdrawal limit', '2026-03-05T10:00:00Z', [3], limit],
    ['found after the due date', '2026-04-09T09:00:00Z', [14, 7, 2, 0], limit],
  ])('sends what reading every open request sent: %s', (_label, start, days, withdrawalLimit) => {
    const plan = planSla({ ...req, withdrawalLimit }, days as number[]);
    const every = new Set<string>();
    const due = new Set<string>();
    let next: Date | null = new Date(-8.64e15); // -infinity: a new request is planned by the first sweep
    const sentBy = (sent: Set<string>, now: Date) => dueItems(plan, now).filter((i) => !sent.has(noticeKey(i.kind, i.dueAt))).map((i) => noticeKey(i.kind, i.dueAt));
    for (let t = new Date(start).getTime(); t < d.dueAt.getTime() + 5 * DAY_MS; t += 15 * 60_000) {
      const now = new Date(t);
      const a = sentBy(every, now);
      a.forEach((k) => every.add(k));
      let b: string[] = [];
      if (next && next.getTime() <= t) {
        b = sentBy(due, now);
        b.forEach((k) => due.add(k));
        next = nextNoticeAt(plan, due, now);
        expect(next === null || next.getTime() > t).toBe(true);
      }
      expect([t, b]).toEqual([t, a]);
    }
    expect(every.size).toBeGreaterThan(0);
  });
});

describe('SLA_REMINDER_DAYS', () => {
  const base = { NODE_ENV: 'test', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', DATABASE_APP_PASSWORD: 'x', REDIS_URL: 'redis://127.0.0.1:6379', AUDIT_HMAC_KEY: 'k'.repeat(32) };

  it('defaults to 14,7,2,0 and stops the boot naming the variable when it is wrong', () => {
    expect(loadWorkerConfig(base).SLA_REMINDER_DAYS).toBe('14,7,2,0');
    expect(loadWorkerConfig({ ...base, SLA_REMINDER_DAYS: '10, 3,0' }).SLA_REMINDER_DAYS).toBe('10,3,0');
    expect(() => loadWorkerConfig({ ...base, SLA_REMINDER_DAYS: '14,soon' })).toThrow(/SLA_REMINDER_DAYS/);
  });
});
