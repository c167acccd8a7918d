import { Recipient, Transfer } from '../../schema/register';
import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('transfers rule', () => {
  it('rejects a transfer without a safeguard', () => {
    const findings = lintMutated((_d, r) => { (r.transfers as Transfer[])[0].safeguard = null; });
    expectFinding(findings, 'transfer-without-safeguard', 'error', 'registers[customers].transfers[hosting-scc].safeguard');
  });

  it('rejects a third-country recipient no transfer covers', () => {
    const findings = lintMutated((_d, r) => {
      (r.recipients as Recipient[]).push({ id: 'mailer', kind: 'processor', name: { en: 'Mailer', et: 'Postitaja' }, dpa: true, country: 'third-country', ref: [{ source: 'example-notice' }] });
    });
    expectFinding(findings, 'transfer-missing', 'error', 'registers[customers].recipients[mailer].country');
  });
});
