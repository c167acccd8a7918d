import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('dpo rule', () => {
  it("notes a controller without a DPO", () => {
    const findings = lintMutated((d) => { d.dpo = 'none'; });
    expectFinding(findings, 'no-dpo', 'info', 'dpo');
    expect(findings).toHaveLength(1);
  });
});
