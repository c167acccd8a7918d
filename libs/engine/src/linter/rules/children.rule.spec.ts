import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('children rule', () => {
  it('rejects a minimum age below the Art. 8 age while consent is relied on', () => {
    const findings = lintMutated((d) => { d.children.minimumAge = 12; });
    const f = expectFinding(findings, 'children-below-art8-age', 'error', 'children.minimumAge');
    expect(f.message).toContain("'newsletter'");
  });

  it('warns about a minimum age below the Art. 8 age when nothing relies on consent', () => {
    const findings = lintMutated((d, r) => {
      d.children.minimumAge = 12;
      r.purposes[2].legalBases[0] = { article: '6(1)(f)', description: { en: 'Legitimate interest in marketing to customers.', et: 'Õigustatud huvi.' }, legitimateInterest: { en: 'Direct marketing', et: 'Otseturundus' }, ref: [{ source: 'GDPR', at: 'Art. 6(1)(f)' }] };
    });
    expectFinding(findings, 'children-age-low', 'warning', 'children.minimumAge');
  });

  it('warns about a notice that mentions an age below the Art. 8 age', () => {
    const findings = lintMutated((d) => { d.notice.childrenAges = [{ age: 12, ref: [{ source: 'example-notice' }] }]; });
    expectFinding(findings, 'notice-children-age', 'warning', 'notice.childrenAges[0].age');
  });

  it('warns about subjects that may include children in a register relying on consent', () => {
    const findings = lintMutated((_d, r) => { r.subjects[0].mayIncludeChildren = true; });
    expectFinding(findings, 'children-consent', 'warning', 'registers[customers].subjects[customers].mayIncludeChildren');
  });
});
