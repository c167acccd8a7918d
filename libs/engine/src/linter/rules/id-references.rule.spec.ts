import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('id-references rule', () => {
  it('reports a purpose naming an unknown data category', () => {
    const findings = lintMutated((_d, r) => { r.purposes[0].categories.push('health'); });
    expectFinding(findings, 'dangling-reference', 'error', 'registers[customers].purposes[orders].categories[3]');
  });

  it('reports a data category naming an unknown source', () => {
    const findings = lintMutated((_d, r) => { r.dataCategories[0].sources = ['crm']; });
    expectFinding(findings, 'dangling-reference', 'error', 'registers[customers].dataCategories[identity].sources[0]');
  });

  it('reports a transfer naming an unknown recipient', () => {
    const findings = lintMutated((_d, r) => { if (Array.isArray(r.transfers)) r.transfers[0].recipients = ['mailer']; });
    expectFinding(findings, 'dangling-reference', 'error', 'registers[customers].transfers[hosting-scc].recipients[0]');
  });

  it('reports a transfer naming a recipient when the register has none', () => {
    const findings = lintMutated((_d, r) => { r.recipients = 'none'; });
    expectFinding(findings, 'dangling-reference', 'error', 'registers[customers].transfers[hosting-scc].recipients[0]');
  });

  it('reports a retention rule naming an unknown data category', () => {
    const findings = lintMutated((_d, r) => { r.retention[2].categories.push('cctv'); });
    expectFinding(findings, 'dangling-reference', 'error', 'registers[customers].retention[logs].categories[1]');
  });

  it('reports a recipient naming an unknown data category', () => {
    const findings = lintMutated((_d, r) => { if (Array.isArray(r.recipients)) r.recipients[1].categories = ['salary']; });
    expectFinding(findings, 'dangling-reference', 'error', 'registers[customers].recipients[tax-board].categories[0]');
  });

  it('warns about a data category no purpose processes', () => {
    const findings = lintMutated((_d, r) => { r.purposes[3].categories = ['contact']; });
    expectFinding(findings, 'unused-data-category', 'warning', 'registers[customers].dataCategories[access-logs]');
  });
});

describe('policyChanges.accountRegisters', () => {
  it('must name registers the controller defines', () => {
    const findings = lintMutated((d) => {
      d.policyChanges = { ...d.policyChanges, accountRegisters: ['customers', 'no-such-register'] };
    });
    expectFinding(findings, 'dangling-reference', 'error', 'policyChanges.accountRegisters[1]');
    expect(findings.filter((f) => f.path === 'policyChanges.accountRegisters[0]')).toEqual([]);
  });
});
