import { Recipient } from '../../schema/register';
import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('processors rule', () => {
  it.each([false, undefined])('rejects a processor whose dpa is %s (Art. 28(3))', (dpa) => {
    const findings = lintMutated((_d, r) => { (r.recipients as Recipient[])[0].dpa = dpa; });
    expectFinding(findings, 'processor-without-dpa', 'error', 'registers[customers].recipients[hosting].dpa');
  });
});
