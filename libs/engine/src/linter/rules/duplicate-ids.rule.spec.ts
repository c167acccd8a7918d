import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('duplicate-ids rule', () => {
  it('reports two purposes with one id', () => {
    const findings = lintMutated((_d, r) => { r.purposes[1].id = 'orders'; });
    const f = expectFinding(findings, 'duplicate-id', 'error', 'registers[customers].purposes[orders]');
    expect(f.message).toContain("'orders' occurs 2 times");
  });

  it('reports two registers with one id', () => {
    const findings = lintMutated((d) => { d.registers.push({ ...d.registers[0] }); });
    expectFinding(findings, 'duplicate-id', 'error', 'registers[customers]');
  });

  it('reports a right stated twice', () => {
    const findings = lintMutated((d) => { d.rights.push({ ...d.rights[0] }); });
    expectFinding(findings, 'duplicate-id', 'error', `rights[${8}]`);
  });
});
