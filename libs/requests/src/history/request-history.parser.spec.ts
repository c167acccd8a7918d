import { parseRequestHistory } from './request-history.parser';

const LV: Record<string, string> = {
  'requestExport.columns.reference': 'Numurs', 'requestExport.columns.received': 'Saņemts', 'requestExport.columns.channel': 'Kanāls',
  'requestExport.columns.type': 'Veids', 'requestExport.columns.identityMethod': 'Identitātes pārbaude', 'requestExport.columns.state': 'Statuss',
  'requestExport.columns.answeredAt': 'Atbildēts', 'requestExport.columns.extended': 'Pagarināts', 'requestExport.columns.extendedAt': 'Pagarināts (kad)',
  'states.completed': 'Pabeigts', 'states.in-progress': 'Procesā', 'types.access': 'Piekļuve', 'requestExport.channels.e-mail': 'E-pasts',
  'identity.email-link': 'E-pasta kods', 'requestExport.yes': 'Jā', 'requestExport.no': 'Nē',
};
const t = (lang: string, key: string) => (lang === 'lv' ? (LV[key] ?? key) : key);
const now = new Date('2026-03-01T12:00:00Z');
const TZ = 'Europe/Riga';

describe('parseRequestHistory', () => {
  it('reads the export’s headings and words in any language, or the codes; instants in the controller’s zone', () => {
    const rows = [
      ['Numurs', 'Saņemts', 'Kanāls', 'Veids', 'Identitātes pārbaude', 'Statuss', 'Pagarināts', 'Pagarināts (kad)', 'Atbildēts'],
      ['r-7kq2-xm4p', '2025-01-02 10:00', 'E-pasts', 'Piekļuve', 'E-pasta kods', 'Pabeigts', 'Nē', '', '2025-01-20 09:30'],
      ['', '2025-02-01', 'post', 'access', 'email-link', 'refused', 'Jā', '2025-02-20 08:00', '2025-03-30T10:00:00Z'],
    ];
    const { requests, problems } = parseRequestHistory(rows, TZ, now, t);
    expect(problems).toEqual([]);
    expect(requests).toEqual([
      { row: 2, reference: 'R-7KQ2-XM4P', type: 'access', channel: 'e-mail', identityMethod: 'email-link', receivedAt: new Date('2025-01-02T08:00:00Z'), identityVerifiedAt: null, state: 'completed', closedAt: new Date('2025-01-20T07:30:00Z'), extendedAt: null },
      { row: 3, reference: null, type: 'access', channel: 'post', identityMethod: 'email-link', receivedAt: new Date('2025-01-31T22:00:00Z'), identityVerifiedAt: null, state: 'refused', closedAt: new Date('2025-03-30T10:00:00Z'), extendedAt: new Date('2025-02-20T06:00:00Z') },
    ]);
  });

  it('names the row and column of every problem and returns no request of a bad row', () => {
    const rows = [
      ['title line'],
      ['received', 'channel', 'type', 'identityMethod', 'state', 'answeredAt', 'reference'],
      ['2025-13-01 10:00', 'e-mail', 'access', 'email-link', 'completed', '2025-01-20 09:30', ''],
      ['2025-01-01 10:00', 'fax', 'lunch', 'email-link', 'in-progress', '2024-12-20 09:30', 'R-7KQ2-XM4P'],
      ['2025-01-01 10:00', 'e-mail', 'access', 'email-link', 'Procesā', '2027-01-01', 'R-7KQ2-XM4P'],
      ['2025-01-01 10:00', 'e-mail', 'access', 'email-link', 'completed', '', 'nonsense'],
    ];
    const { requests, problems } = parseRequestHistory(rows, TZ, now, t);
    expect(requests).toEqual([]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 1, 'date'],
      [4, 2, 'channel'], [4, 3, 'type'], [4, 5, 'not-closed'], [4, 6, 'before-received'],
      [5, 7, 'reference-twice'], [5, 5, 'not-closed'], [5, 6, 'future'],
      [6, 7, 'reference'], [6, 6, 'required'],
    ]);
    expect(problems.find((p) => p.code === 'reference-twice')!.params).toEqual({ row: 4 });
  });

  it('says when the headings are missing or the file holds no request', () => {
    expect(parseRequestHistory([[], ['a', 'b']], TZ, now, t).problems).toEqual([{ row: 2, column: 1, code: 'no-header' }]);
    expect(parseRequestHistory([['received', 'channel', 'type', 'identityMethod', 'state', 'answeredAt']], TZ, now, t).problems).toEqual([{ row: 1, column: 1, code: 'no-rows' }]);
  });
});
