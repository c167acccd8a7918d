import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('purchase-consent rule', () => {
  it('rejects consent as the basis of an order purpose', () => {
    const findings = lintMutated((_d, r) => {
      r.purposes[0].legalBases[0] = { article: '6(1)(a)', description: { en: 'The customer consents by buying.', et: 'Klient annab ostes nõusoleku.' }, ref: [{ source: 'example-notice', at: '§ 3' }] };
    });
    expectFinding(findings, 'consent-for-purchase', 'error', 'registers[customers].purposes[orders].legalBases[0].article');
  });

  it('recognises a purchase in Latvian (seed 004: "iegādājoties Inomedis preces")', () => {
    const findings = lintMutated((_d, r) => {
      r.purposes[2].directMarketing = false;
      r.purposes[2].name = { en: 'Customer service', et: 'Klienditeenindus', lv: 'Preču iegāde' };
    });
    expectFinding(findings, 'consent-for-purchase', 'error', 'registers[customers].purposes[newsletter].legalBases[0].article');
  });

  it('does not read "in order to" as an order, nor report direct marketing', () => {
    const findings = lintMutated((_d, r) => {
      r.purposes[2].description = { en: 'Sending news in order to keep subscribers informed of offers to buy.', et: 'Uudiskirja saatmine.' };
    });
    expect(findings).toEqual([]);
  });

  it('does not report consent next to a contract basis', () => {
    const findings = lintMutated((_d, r) => {
      r.purposes[0].legalBases.push({ article: '6(1)(a)', description: { en: 'Consent to keep the card for later orders.', et: 'Nõusolek kaardi salvestamiseks.' }, ref: [{ source: 'example-notice' }] });
    });
    expect(findings.filter((f) => f.code === 'consent-for-purchase')).toEqual([]);
  });
});
