import { csvCell, toCsv } from './csv';

describe('CSV (RFC 4180, formula-safe)', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('prefixes cells that a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+31 6 1234', '-2', '@SUM(A1)', '\tx', '=HYPERLINK("http://evil","x")']) {
      expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes null as empty, objects as JSON, and ends every row with CRLF', () => {
    expect(toCsv(['a', 'b'], [[null, { x: 1 }], [1, true]])).toBe('a,b\r\n,"{""x"":1}"\r\n1,true\r\n');
  });
});
