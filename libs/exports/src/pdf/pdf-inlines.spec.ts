import { joinInlines } from './pdf-inlines';

describe('joining the words of a laid-out line', () => {
  const font = {};
  const word = (text: string, x: number, width: number, more: Record<string, unknown> = {}) => ({ text, x, width, font, fontSize: 9, color: 'black', ...more });

  it('joins words that sit edge to edge in the same font, size and colour', () => {
    expect(joinInlines([word('Reģistra ', 0, 40), word('apraksts ', 40, 38), word('1', 78, 5)])).toEqual([word('Reģistra apraksts 1', 0, 83)]);
  });

  it('keeps apart spaced (justified) words, other styles, links and decorations', () => {
    const line = [
      word('a ', 0, 5), word('b ', 7, 5), // justified: a gap
      word('c ', 12, 5, { fontSize: 8 }),
      word('d ', 17, 5, { link: 'https://example.org' }), word('e ', 22, 5),
      word('f ', 27, 5, { decoration: 'underline' }), word('g', 32, 5),
      word('h', 37, 5, { color: 'red' }),
    ];
    expect(joinInlines(line).map((i) => i.text)).toEqual(['a ', 'b ', 'c ', 'd ', 'e ', 'f ', 'g', 'h']);
  });
});
