import { jsonErrorPosition } from './json-error-position';
import { parseDefinition } from './register-edit.form';

describe('register edit form: JSON', () => {
  it.each([
    ['{"a": 1}', null],
    ['[1, 2.5e3, -0, "x\\u00e9", true, false, null, {}]', null],
    ['{\n  "a": ,\n}', 9],
    ['{"a": 1,}', 8],
    ['{"a": 1', 7],
    ["{'a': 1}", 1],
    ['{"a": 01}', 7],
    ['{"a": 1} x', 9],
    ['{"a": tru}', 9],
  ])('%j: error at %p', (text, at) => {
    expect(jsonErrorPosition(text)).toBe(at);
    if (at === null) expect(() => JSON.parse(text)).not.toThrow();
    else expect(() => JSON.parse(text)).toThrow();
  });

  it('names the line and column of a syntax error, refuses empty and oversized texts', () => {
    expect(parseDefinition('{\n  "id": "x",\n  "name": ,\n}')).toEqual({ ok: false, error: 'unexpected ","', line: 3, column: 11 });
    expect(parseDefinition('{"id": "x"')).toMatchObject({ ok: false, error: 'the text ends too early', line: 1, column: 11 });
    expect(parseDefinition('  ')).toEqual({ ok: false, error: 'empty' });
    expect(parseDefinition(`"${'x'.repeat(200_001)}"`)).toEqual({ ok: false, error: 'too-long' });
    expect(parseDefinition('{"id": "x"}')).toEqual({ ok: true, value: { id: 'x' } });
  });
});

describe('register edit form: pretty JSON', () => {
  it("puts the register's fields in the schema's order and ids first, without changing the content", async () => {
    const { prettyDefinition } = await import('./register-edit.form');
    const stored = { ref: [], name: { sv: 'Marknadsföring', en: 'Marketing' }, id: 'marketing', purposes: [{ name: { en: 'Offers' }, id: 'offers', ref: [{ source: 'notice', at: '§2' }] }] };
    const text = prettyDefinition(stored);
    expect(JSON.parse(text)).toEqual(stored);
    expect(Object.keys(JSON.parse(text))).toEqual(['id', 'name', 'purposes', 'ref']);
    expect(text.indexOf('"id": "offers"')).toBeLessThan(text.indexOf('"name": {\n        "en": "Offers"'));
    expect(text.indexOf('"en": "Marketing"')).toBeLessThan(text.indexOf('"sv": "Marknadsföring"'));
  });
});
