import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('jurisdiction rule', () => {
  it('warns about a transfer boundary drawn around the USA (seed 001)', () => {
    const findings = lintMutated((d) => { d.notice.transferBoundary = { region: 'USA', ref: [{ source: 'example-notice', at: '§ 5' }] }; });
    const f = expectFinding(findings, 'notice-wrong-jurisdiction', 'warning', 'notice.transferBoundary.region');
    expect(f.message).toContain('outside the EEA');
  });

  it.each(['EEA', 'European Economic Area', 'EU/EEA', 'Euroopa Majanduspiirkond'])('accepts the boundary "%s"', (region) => {
    const findings = lintMutated((d) => { d.notice.transferBoundary = { region, ref: [] }; });
    expect(findings).toEqual([]);
  });

  it('warns about a reference to another country\'s law', () => {
    const findings = lintMutated((_d, r) => { r.retention[0].ref = [{ source: 'SE-BFL', at: '7 kap. 2 §' }]; });
    expectFinding(findings, 'foreign-law-reference', 'warning', 'registers[customers].retention[invoices].ref[0].source');
  });

  it('rejects an Art. 8 age other than the national one', () => {
    const findings = lintMutated((d) => { d.jurisdiction.art8Age = 16; });
    expectFinding(findings, 'jurisdiction-mismatch', 'error', 'jurisdiction.art8Age');
  });
});
