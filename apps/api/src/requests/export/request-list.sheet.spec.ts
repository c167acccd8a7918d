import type { RequestListItem } from '@regula/requests';
import { onTimeOf, REQUEST_EXPORT_COLUMNS, requestListSheet } from './request-list.sheet';

const RIGA = 'Europe/Riga';

function item(over: Partial<RequestListItem> = {}): RequestListItem {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    reference: 'R-7KQ2-XM4P',
    duplicateOf: null,
    type: 'access',
    state: 'in-progress',
    requesterName: 'Anna Bērziņa',
    requesterEmail: 'anna@example.test',
    locale: 'lv',
    channel: 'web-form',
    receivedAt: new Date('2026-11-20T08:15:00Z'),
    dueAt: new Date('2026-12-21T21:59:59.999Z'),
    dueDate: '2026-12-21',
    firstDueAt: new Date('2026-12-21T21:59:59.999Z'),
    extended: false,
    extendedAt: null,
    identityMethod: 'email-link',
    identityVerified: true,
    identityVerifiedAt: new Date('2026-11-20T22:30:00Z'),
    suspended: null,
    identityRequestLate: false,
    imported: false,
    overdue: false,
    overdueAt: null,
    closedAt: null,
    emailVerifiedAt: null,
    documentsPending: 0,
    assignee: null,
    ...over,
  };
}

/** A catalogue that shows the key it was asked for. */
const t = (key: string) => `<${key}>`;

describe('the requests export rows', () => {
  it('is on time when answered on or before the due date in the controller\'s calendar, late after it, open while not answered', () => {
    expect(onTimeOf(item(), RIGA)).toBe('open');
    expect(onTimeOf(item({ closedAt: new Date('2026-12-21T12:00:00Z') }), RIGA)).toBe('yes');
    // 22:30 UTC on the 21st is 00:30 on the 22nd in Riga: one day late, though still the due day in UTC.
    expect(onTimeOf(item({ closedAt: new Date('2026-12-21T22:30:00Z') }), RIGA)).toBe('no');
    // 21:30 UTC on the 20th is 23:30 on the 20th in Riga (UTC+2 in winter).
    expect(onTimeOf(item({ closedAt: new Date('2026-12-20T21:30:00Z') }), RIGA)).toBe('yes');
    expect(onTimeOf(item({ closedAt: new Date('2027-01-05T08:00:00Z') }), RIGA)).toBe('no');
  });

  it('gives the issue\'s columns in order, coded values through the catalogue, instants in local time, no requester name nor e-mail', () => {
    const r = item({ state: 'completed', extended: true, extendedAt: new Date('2026-12-01T10:00:00Z'), closedAt: new Date('2027-01-10T09:05:00Z'), dueDate: '2027-02-21', assignee: { userId: 'u', name: 'Līga Ozola' } });
    const { header, rows } = requestListSheet([r], RIGA, t);
    expect(header).toEqual(REQUEST_EXPORT_COLUMNS.map((c) => `<requestExport.columns.${c}>`));
    expect(rows).toEqual([[
      'R-7KQ2-XM4P',
      '2026-11-20 10:15',
      '<requestExport.channels.web-form>',
      '<types.access>',
      '<identity.email-link>',
      '2026-11-21 00:30',
      '<states.completed>',
      'Līga Ozola',
      '2027-02-21',
      '<requestExport.yes>',
      '2026-12-01 12:00',
      '2027-01-10 11:05',
      '<requestExport.onTime.yes>',
    ]]);
    expect(JSON.stringify(rows)).not.toMatch(/Anna|anna@/);
  });

  it('leaves the dates of what has not happened empty and the handler empty when nobody handles it', () => {
    const [row] = requestListSheet([item({ identityVerifiedAt: null, identityVerified: false })], RIGA, t).rows;
    const at = (c: (typeof REQUEST_EXPORT_COLUMNS)[number]) => row[REQUEST_EXPORT_COLUMNS.indexOf(c)];
    expect([at('identityConfirmedAt'), at('handler'), at('extendedAt'), at('answeredAt')]).toEqual(['', '', '', '']);
    expect(at('extended')).toBe('<requestExport.no>');
    expect(at('onTime')).toBe('<requestExport.onTime.open>');
  });
});
