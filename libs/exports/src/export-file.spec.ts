import { exportFile, safeFileName, sha256 } from './export-file';

describe('export files', () => {
  it('makes file names safe for Content-Disposition', () => {
    expect(safeFileName('inomedis', 'Iekšējie procesi', '2026-11-21')).toBe('inomedis-ieksejie-procesi-2026-11-21');
    expect(safeFileName('a"b', '../../etc/passwd')).toBe('a-b-etc-passwd');
    expect(safeFileName('', '')).toBe('export');
  });

  it('hashes the body it carries', () => {
    const f = exportFile('x.csv', 'csv', 'a,b\r\n');
    expect(f.contentType).toBe('text/csv; charset=utf-8');
    expect(f.sha256).toBe(sha256(Buffer.from('a,b\r\n')));
  });
});
