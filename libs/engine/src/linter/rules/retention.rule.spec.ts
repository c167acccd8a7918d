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

  it('counts minutes as a period, and zero minutes as none', () => {
    const minutes = (period: object) => lintMutated((_d, r) => { (r.retention[2] as RetentionRule & { period: object }).period = period; });
    expect(minutes({ minutes: 30 }).filter((f) => f.code === 'retention-zero-period' || f.code === 'invalid-duration')).toEqual([]);
    expectFinding(minutes({ minutes: 0 }), 'retention-zero-period', 'error', 'registers[customers].retention[logs].period');
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

  it('reports a fractional calendar count, which no calendar can add, but accepts fractional hours', () => {
    const fractional = lintMutated((_d, r) => { (r.retention[0] as RetentionRule & { period: object }).period = { years: 6.5 }; });
    expectFinding(fractional, 'invalid-duration', 'error', 'registers[customers].retention[invoices].period');
    const hours = lintMutated((_d, r) => { (r.retention[0] as RetentionRule & { period: object }).period = { hours: 1.5 }; });
    expect(hours.filter((f) => f.code === 'invalid-duration')).toEqual([]);
  });

  it('reports negative or non-numeric minutes', () => {
    const negative = lintMutated((_d, r) => { (r.retention[0] as RetentionRule & { period: object }).period = { years: 7, minutes: -30 }; });
    expectFinding(negative, 'invalid-duration', 'error', 'registers[customers].retention[invoices].period');
    const nonNumeric = lintMutated((_d, r) => {
      if (r.retention[1].kind === 'conditions') r.retention[1].then = { minutes: Number.NaN };
    });
    expectFinding(nonNumeric, 'invalid-duration', 'error', 'registers[customers].retention[customer-data].then');
  });

  it('warns about a rule without a reference, as an unreferenced fact', () => {
    const findings = lintMutated((_d, r) => { r.retention[2].ref = []; });
    expectFinding(findings, 'unreferenced-fact', 'warning', 'registers[customers].retention[logs].ref');
  });
});
