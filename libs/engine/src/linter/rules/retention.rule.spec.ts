import { RetentionRule } from '../../schema/retention';
import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('retention rule', () => {
  it('rejects "as long as necessary"', () => {
    const findings = lintMutated((_d, r) => {
      r.retention[2] = { id: 'logs', kind: 'as-long-as-necessary', categories: ['access-logs'], action: 'erase', description: { en: 'As long as necessary', et: 'Nii kaua kui vaja' }, ref: [{ source: 'example-notice', at: '§ 6' }] };
    });
    const f = expectFinding(findings, 'retention-unenforceable', 'error', 'registers[customers].retention[logs].kind');
    expect(f.ref).toEqual([{ source: 'example-notice', at: '§ 6' }]);
  });

  it('reports a data category no rule governs', () => {
    const findings = lintMutated((_d, r) => { r.retention[2].categories = []; });
    expectFinding(findings, 'retention-uncovered', 'error', 'registers[customers].dataCategories[access-logs]');
  });

  it('reports a data category two rules govern', () => {
    const findings = lintMutated((_d, r) => { r.retention[2].categories.push('identity'); });
    const f = expectFinding(findings, 'retention-overlap', 'error', 'registers[customers].dataCategories[identity]');
    expect(f.message).toContain("'customer-data', 'logs'");
  });

  it('reports a zero period', () => {
    const findings = lintMutated((_d, r) => { (r.retention[2] as RetentionRule & { period: object }).period = { months: 0 }; });
    expectFinding(findings, 'retention-zero-period', 'error', 'registers[customers].retention[logs].period');
  });

  it('reports a conditions rule without conditions', () => {
    const findings = lintMutated((_d, r) => { (r.retention[1] as RetentionRule & { conditions: unknown[] }).conditions = []; });
    expectFinding(findings, 'retention-no-conditions', 'error', 'registers[customers].retention[customer-data].conditions');
    expect(findings.filter((f) => f.code === 'empty-section')).toEqual([]);
  });

  it('reports a negative duration', () => {
    const findings = lintMutated((_d, r) => { (r.retention[0] as RetentionRule & { period: object }).period = { years: -7 }; });
    expectFinding(findings, 'invalid-duration', 'error', 'registers[customers].retention[invoices].period');
  });

  it('warns about a rule without a reference, as an unreferenced fact', () => {
    const findings = lintMutated((_d, r) => { r.retention[2].ref = []; });
    expectFinding(findings, 'unreferenced-fact', 'warning', 'registers[customers].retention[logs].ref');
  });
});
