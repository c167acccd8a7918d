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
