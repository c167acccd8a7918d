import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('automated-decisions rule', () => {
  it('rejects significant automated decisions without the logic', () => {
    const findings = lintMutated((_d, r) => { r.automatedDecisions = { ...r.automatedDecisions, automatedDecisions: true, significantEffects: true }; });
    expectFinding(findings, 'automated-decision-without-logic', 'error', 'registers[customers].automatedDecisions.logic');
  });

  it('warns about profiling with no A21/A22 statement', () => {
    const findings = lintMutated((d, r) => {
      r.automatedDecisions.profiling = true;
      d.rights = d.rights.filter((x) => x.right !== 'A21');
    });
    expectFinding(findings, 'profiling-right-missing', 'warning', 'registers[customers].automatedDecisions');
  });
});
