import type { Register, RetentionRule } from '@regula/engine';
import { returned } from '@regula/platform';
import { anonymisedGroups, retentionActionFor, retentionRulesHash } from './retention-rules';

const rule = (id: string, categories: string[], action: 'erase' | 'anonymise', years = 1): RetentionRule =>
  ({ id, kind: 'period', categories, action, anchor: 'collected', period: { years }, description: { en: id }, ref: [] }) as RetentionRule;

const register = (retention: RetentionRule[], categories = ['a', 'b', 'c', 'd']): Register =>
  ({ id: 'reg', retention, dataCategories: categories.map((id) => ({ id, name: { en: id } })) }) as unknown as Register;

describe('retention rules', () => {
  it('anonymises only when every rule governing the category says so; erasure wins, the default is erasure', () => {
    const reg = register([rule('r1', ['a', 'b'], 'anonymise'), rule('r2', ['b'], 'erase'), rule('r3', ['c'], 'anonymise')]);
    expect(retentionActionFor(reg, 'a')).toBe('anonymise');
    expect(retentionActionFor(reg, 'b')).toBe('erase');
    expect(retentionActionFor(reg, 'c')).toBe('anonymise');
    expect(retentionActionFor(reg, 'd')).toBe('erase');
    expect(retentionActionFor(undefined, 'a')).toBe('erase');
    expect(anonymisedGroups([reg])).toEqual({ registers: ['reg', 'reg'], categories: ['a', 'c'] });
  });

  it('hashes what due dates depend on: the rules, the time zone and the financial year end, nothing else', () => {
    const tz = { timeZone: 'Europe/Vilnius' };
    const base = retentionRulesHash(register([rule('r1', ['a'], 'erase')]), tz);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(retentionRulesHash({ ...register([rule('r1', ['a'], 'erase')], ['a', 'z']) }, tz)).toBe(base);
    expect(retentionRulesHash(register([rule('r1', ['a'], 'erase', 3)]), tz)).not.toBe(base);
    expect(retentionRulesHash(register([rule('r1', ['a'], 'erase')]), { timeZone: 'Europe/Riga' })).not.toBe(base);
    expect(retentionRulesHash(register([rule('r1', ['a'], 'erase')]), { ...tz, financialYearEnd: '06-30' })).not.toBe(base);
  });

  it('reads the rows of an UPDATE ... RETURNING whichever shape the driver answers', () => {
    expect(returned([[{ id: 1 }], 1])).toEqual([{ id: 1 }]);
    expect(returned([[], 0])).toEqual([]);
    expect(returned([{ id: 1 }, { id: 2 }])).toEqual([{ id: 1 }, { id: 2 }]);
  });
});
