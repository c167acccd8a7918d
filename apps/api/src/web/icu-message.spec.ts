import { formatMessage, placeholdersOf, pluralSelectors } from './icu-message';

describe('ICU messages', () => {
  const requests = 'Page {page} of {pages} ({total, plural, one {# request} other {# requests}})';

  it('fills placeholders and picks the plural branch by the language rules', () => {
    expect(formatMessage(requests, 'en', { page: 1, pages: 1, total: 1 })).toBe('Page 1 of 1 (1 request)');
    expect(formatMessage(requests, 'en', { page: 1, pages: 3, total: 42 })).toBe('Page 1 of 3 (42 requests)');
    const lt = '{n, plural, one {# prašymas} few {# prašymai} many {# prašymo} other {# prašymų}}';
    expect([1, 2, 10, 21, 22, 111].map((n) => formatMessage(lt, 'lt', { n }))).toEqual(['1 prašymas', '2 prašymai', '10 prašymų', '21 prašymas', '22 prašymai', '111 prašymų']);
    const lv = '{n, plural, zero {# dienas} one {# diena} other {# dienas}}';
    expect([0, 1, 11, 21].map((n) => formatMessage(lv, 'lv', { n }))).toEqual(['0 dienas', '1 diena', '11 dienas', '21 diena']);
  });

  it('prefers an exact =n, keeps a "#" outside a plural, nests placeholders and plurals in branches', () => {
    expect(formatMessage('{n, plural, =0 {none} one {# item} other {# items}}', 'en', { n: 0 })).toBe('none');
    expect(formatMessage('{count, plural, one {# entry} other {# entries}} up to #{seq}.', 'en', { count: 1, seq: 7 })).toBe('1 entry up to #7.');
    expect(formatMessage('{a, plural, one {{who} has # {b, plural, one {# cat} other {# cats}}} other {{who} has # of {b}}}', 'en', { a: 1, b: 3, who: 'Ann' })).toBe('Ann has 1 3 cats');
  });

  it('leaves what it cannot fill as written', () => {
    expect(formatMessage('Hello {name}', 'en', {})).toBe('Hello {name}');
    expect(formatMessage('{n, plural, one {# x}}', 'en', { n: 2 })).toBe('{n, plural, one {# x}}');
    expect(formatMessage('a { b', 'en', {})).toBe('a { b');
  });

  it('names the arguments and the selectors of a message', () => {
    expect(placeholdersOf(requests)).toEqual(['page', 'pages', 'total']);
    expect(pluralSelectors(requests)).toEqual([{ name: 'total', selectors: ['one', 'other'] }]);
  });
});
