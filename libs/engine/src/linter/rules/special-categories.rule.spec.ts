import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('special-categories rule', () => {
  it('rejects a special category processed without an Art. 9(2) condition', () => {
    const findings = lintMutated((_d, r) => { r.dataCategories[0].special = true; });
    expectFinding(findings, 'special-category-without-art9', 'error', 'registers[customers].purposes[orders].legalBases');
  });

  it('accepts it with a condition', () => {
    const findings = lintMutated((_d, r) => {
      r.dataCategories[2].special = true;
      for (const p of r.purposes.slice(0, 2)) p.legalBases[0].art9 = { condition: '9(2)(a)', description: { en: 'Explicit consent', et: 'Selgesõnaline nõusolek' } };
    });
    expect(findings).toEqual([]);
  });
});
