import { RightCode } from '../../schema/controller';
import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

const drop = (code: RightCode) => lintMutated((d) => { d.rights = d.rights.filter((r) => r.right !== code); });

describe('rights rule', () => {
  it.each(['A15', 'A16', 'A17', 'A18', 'A77', 'A21', 'A20', 'A7-3'] as RightCode[])('reports a missing %s', (code) => {
    const f = expectFinding(drop(code), 'right-missing', 'error', 'rights');
    expect(f.message).toContain(code);
  });

  it('does not require A21 when no (e)/(f) basis and no direct marketing is used', () => {
    const findings = lintMutated((d, r) => {
      r.purposes = r.purposes.filter((p) => p.id === 'orders' || p.id === 'bookkeeping');
      r.dataCategories = r.dataCategories.filter((c) => c.id !== 'access-logs');
      r.retention = r.retention.filter((x) => x.id !== 'logs');
      d.rights = d.rights.filter((x) => x.right !== 'A21' && x.right !== 'A7-3');
    });
    expect(findings).toEqual([]);
  });
});
