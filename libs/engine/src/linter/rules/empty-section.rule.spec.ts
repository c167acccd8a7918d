import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('empty-section rule', () => {
  it.each(['purposes', 'dataCategories', 'recipients', 'retention', 'cookies', 'security'])('reports an empty %s list', (key) => {
    const findings = lintMutated((_d, r) => { (r as unknown as Record<string, unknown>)[key] = []; });
    const f = expectFinding(findings, 'empty-section', 'error', `registers[customers].${key}`);
    expect(f.message).toContain('seed 000');
  });

  it("tells lists that may be empty to say 'none'", () => {
    const findings = lintMutated((_d, r) => { r.transfers = []; });
    const f = expectFinding(findings, 'empty-section', 'error', 'registers[customers].transfers');
    expect(f.message).toContain("'none'");
  });

  it("accepts 'none' for recipients, transfers and cookies", () => {
    const findings = lintMutated((_d, r) => {
      r.transfers = 'none';
      r.cookies = 'none';
    });
    expect(findings.filter((f) => f.code === 'empty-section')).toEqual([]);
  });

  it('reports empty rights and empty legal bases', () => {
    const findings = lintMutated((d, r) => {
      d.rights = [];
      r.purposes[0].legalBases = [];
    });
    expectFinding(findings, 'empty-section', 'error', 'rights');
    expectFinding(findings, 'empty-section', 'error', 'registers[customers].purposes[orders].legalBases');
  });

  it('lets references, group companies and systems be empty', () => {
    const findings = lintMutated((d, r) => {
      d.groupCompanies = [];
      r.systems = [];
    });
    expect(findings.filter((f) => f.code === 'empty-section')).toEqual([]);
  });

  it('warns about an empty section of the published notice, naming where it was filled from', () => {
    const findings = lintMutated((d) => {
      d.notice.emptySections = [{ section: '3. Purposes and legal bases', filledFrom: 'example-notice', ref: [{ source: 'example-notice', at: '§ 3' }] }];
    });
    const f = expectFinding(findings, 'notice-empty-section', 'warning', 'notice.emptySections[0]');
    expect(f.message).toContain('Example Shop privacy notice');
    expect(f.ref).toEqual([{ source: 'example-notice', at: '§ 3' }]);
  });
});
