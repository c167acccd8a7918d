import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

const B = 'registers[customers].purposes';

describe('legal-basis rule', () => {
  it('requires the legitimate interest of a 6(1)(f) basis', () => {
    const findings = lintMutated((_d, r) => { delete r.purposes[3].legalBases[0].legitimateInterest; });
    expectFinding(findings, 'legitimate-interest-missing', 'error', `${B}[security].legalBases[0].legitimateInterest`);
  });

  it('requires the law behind a 6(1)(c) basis', () => {
    const findings = lintMutated((_d, r) => { delete r.purposes[1].legalBases[0].legalObligation; });
    expectFinding(findings, 'legal-obligation-missing', 'error', `${B}[bookkeeping].legalBases[0].legalObligation`);
  });

  it('reports a legal obligation labelled as contract (English)', () => {
    const findings = lintMutated((_d, r) => { r.purposes[1].legalBases[0].article = '6(1)(b)'; });
    const f = expectFinding(findings, 'legal-basis-contradiction', 'error', `${B}[bookkeeping].legalBases[0].description`);
    expect(f.message).toContain('Art. 6(1)(c) (legal obligation)');
  });

  it.each([
    ['lv', 'normatīvo aktu izpildei, lai izpildītu Sabiedrībai saistošos ārējos normatīvajos aktos noteiktu pienākumus'],
    ['sv', 'för att uppfylla våra rättsliga förpliktelser, t.ex. avseende redovisning enligt lag'],
    ['lt', 'Bendrovė privalo tvarkyti duomenis pagal teisės aktų reikalavimus'],
    ['et', 'raamatupidamise seaduse kohustus'],
  ])('reads the description in %s', (lang, text) => {
    const findings = lintMutated((_d, r) => {
      r.purposes[0].legalBases[0].description = { en: 'Processing for the customer.', [lang]: text, et: lang === 'et' ? text : 'Kliendi jaoks.' };
    });
    expectFinding(findings, 'legal-basis-contradiction', 'error', `${B}[orders].legalBases[0].description`);
  });

  it('reports consent described for a legitimate-interest basis', () => {
    const findings = lintMutated((_d, r) => {
      r.purposes[3].legalBases[0].description = { en: 'Processing is based on your consent.', et: 'Töötlemine põhineb teie nõusolekul.' };
    });
    expectFinding(findings, 'legal-basis-contradiction', 'error', `${B}[security].legalBases[0].description`);
  });

  it('does not report a description that names its own basis as well as another', () => {
    const findings = lintMutated((_d, r) => {
      r.purposes[3].legalBases[0].description = {
        en: 'The legitimate interest of the company based on a customer relationship or the performance of a contract.',
        et: 'Ettevõtte õigustatud huvi kliendisuhte või lepingu täitmise alusel.',
      };
    });
    expect(findings.filter((f) => f.code === 'legal-basis-contradiction')).toEqual([]);
  });

  it('warns when the notice cites another article (seed 004, clause 14)', () => {
    const findings = lintMutated((_d, r) => { r.purposes[1].legalBases[0].citedInNotice = '6(1)(b)'; });
    const f = expectFinding(findings, 'notice-legal-basis-label', 'warning', `${B}[bookkeeping].legalBases[0].citedInNotice`);
    expect(f.message).toContain('cites Art. 6(1)(b) (contract)');
    expect(f.message).toContain('is Art. 6(1)(c) (legal obligation)');
  });

  it('accepts a citation written as the notice writes it when it matches', () => {
    const findings = lintMutated((_d, r) => { r.purposes[1].legalBases[0].citedInNotice = 'Art. 6(1)(c)'; });
    expect(findings).toEqual([]);
  });

  it('warns when the notice cites consent for a contract purpose', () => {
    const findings = lintMutated((_d, r) => { r.purposes[0].legalBases[0].citedInNotice = '6(1)(a)'; });
    expectFinding(findings, 'notice-consent-for-purchase', 'warning', `${B}[orders].legalBases[0].citedInNotice`);
    expect(findings.filter((f) => f.code === 'notice-legal-basis-label')).toEqual([]);
  });
});
