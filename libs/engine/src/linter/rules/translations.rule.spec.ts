import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('translations rule', () => {
  it('rejects a text missing a language the controller publishes in', () => {
    const findings = lintMutated((_d, r) => { delete r.purposes[0].name.et; });
    const f = expectFinding(findings, 'missing-translation', 'error', 'registers[customers].purposes[orders].name.et');
    expect(f.message).toContain('Processing orders');
  });

  it('rejects a blank translation deep inside the definition', () => {
    const findings = lintMutated((_d, r) => {
      if (r.retention[1].kind === 'conditions') r.retention[1].conditions[0].label.et = ' ';
    });
    expectFinding(findings, 'missing-translation', 'error', 'registers[customers].retention[customer-data].conditions[contract].label.et');
  });

  it('checks every text when a language is added', () => {
    const findings = lintMutated((d) => { d.jurisdiction.languages = ['et', 'en', 'lt']; });
    expectFinding(findings, 'missing-translation', 'error', 'service.lt');
    expect(findings.every((f) => f.code === 'missing-translation' && f.path.endsWith('.lt'))).toBe(true);
  });
});
