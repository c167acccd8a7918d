import { findBadText, textProblem } from './bad-text';

describe('findBadText', () => {
  it('finds NUL and lone surrogates, not surrogate pairs', () => {
    expect(textProblem('a\u0000b')).toBe('nul');
    expect(textProblem('a\ud800b')).toBe('surrogate');
    expect(textProblem('a\udc00')).toBe('surrogate');
    expect(textProblem('\ud83d\ude00 ok')).toBeNull(); // an emoji: a valid pair
    expect(textProblem('Bērziņa')).toBeNull();
  });

  it('names the first bad string by its path, keys included', () => {
    expect(findBadText({ a: 'ok', items: [{ name: 'x' }, { name: 'y\u0000' }] }, 'body')).toEqual({ field: 'body.items[1].name', problem: 'nul' });
    expect(findBadText({ ['k\u0000']: 1 }, 'body')).toEqual({ field: 'body.k\\0', problem: 'nul' });
    expect(findBadText({ first: '\ud800', second: '\u0000' }, 'query')).toEqual({ field: 'query.first', problem: 'surrogate' });
    expect(findBadText({ n: 1, b: true, z: null, buf: Buffer.from([0]) }, 'body')).toBeNull();
  });

  it('walks deep nesting without recursion', () => {
    let v: unknown = 'deep\u0000';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(findBadText(v, 'body')?.problem).toBe('nul');
  });
});
