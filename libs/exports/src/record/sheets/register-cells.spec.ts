import { TENANTS } from '@regula/tenants';
import { registerCells, registerFromCells, textLanguages } from './register-cells';

const roundTrip = (r: object) => {
  const back = registerFromCells(registerCells(r));
  if (!('register' in back)) throw new Error(JSON.stringify(back.problems));
  return back.register;
};

describe('a register in cells', () => {
  it.each(TENANTS.map((t) => [t.slug, t] as const))('gives back every register of %s exactly', (_slug, def) => {
    for (const r of def.registers) {
      const cells = registerCells(r);
      expect(roundTrip(r)).toEqual(JSON.parse(JSON.stringify(r)));
      // a spreadsheet cell holds at most 32,767 characters
      for (const text of [cells.facts, cells.provenance, ...Object.values(cells.texts)]) expect(text!.length).toBeLessThan(32767);
    }
    expect(textLanguages(def.registers)).toContain('en');
  });

  it('writes lines of path = JSON, texts per language, provenance apart, sorted', () => {
    const cells = registerCells({ id: 'x', name: { en: 'Clients', lv: 'Klienti' }, tags: [], ref: [{ source: 'GDPR', at: 'Art. 6' }], b: { n: 2, list: [{ en: 'a' }] } });
    expect(cells.facts).toBe('b.n = 2\nid = "x"\ntags = []');
    expect(cells.texts).toEqual({ en: 'b.list[0] = "a"\nname = "Clients"', lv: 'name = "Klienti"' });
    expect(cells.provenance).toBe('ref = [{"source":"GDPR","at":"Art. 6"}]');
  });

  it('names the cell and line of each problem', () => {
    const out = registerFromCells({
      facts: 'id = "x"\nbroken line\nn = {oops\na[2] = 1\nid = "y"\n.bad = 1',
      texts: { lv: 'name = "Klienti"', en: 'title = 3' },
      provenance: '',
    });
    expect('problems' in out && out.problems.map((p) => [typeof p.cell === 'string' ? p.cell : p.cell.text, p.line, p.code])).toEqual([
      ['facts', 2, 'line'], ['facts', 3, 'json'], ['facts', 6, 'path'], ['facts', 5, 'twice'],
      ['en', 1, 'text-not-string'], ['lv', 1, 'text-without-english'], ['facts', 0, 'gap'],
    ]);
  });
});
