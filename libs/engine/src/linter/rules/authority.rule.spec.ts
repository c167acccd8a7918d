import { AUTHORITIES } from '../../catalog/authorities';
import { jurisdictionFor } from '../../catalog/jurisdiction-for';
import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('authority rule', () => {
  it('rejects another country\'s authority', () => {
    const findings = lintMutated((d) => { d.jurisdiction.authority = AUTHORITIES.LV; });
    expectFinding(findings, 'authority-mismatch', 'error', 'jurisdiction.authority.name');
  });

  it('rejects an authority under a former name (Datainspektionen, IMY since 2021)', () => {
    const findings = lintMutated((d) => {
      d.jurisdiction = { ...d.jurisdiction, country: 'SE', timeZone: 'Europe/Stockholm', authority: { ...AUTHORITIES.SE, name: 'Datainspektionen' } };
    });
    expectFinding(findings, 'authority-outdated', 'error', 'jurisdiction.authority.name');
  });

  it('warns about contact details that differ from the catalogue', () => {
    const findings = lintMutated((d) => { d.jurisdiction.authority = { ...AUTHORITIES.EE, email: 'old@aki.ee' }; });
    expectFinding(findings, 'authority-contact-mismatch', 'warning', 'jurisdiction.authority.email');
  });

  it('warns about a notice that names the authority by a former name (Micromedic)', () => {
    const findings = lintMutated((d) => {
      d.jurisdiction = { ...d.jurisdiction, country: 'SE', timeZone: 'Europe/Stockholm', authority: AUTHORITIES.SE };
      d.notice.authorityName = { name: 'Datainspektionen', ref: [{ source: 'example-notice', at: 'Klagomål' }] };
    });
    const f = expectFinding(findings, 'notice-authority-outdated', 'warning', 'notice.authorityName');
    expect(f.message).toContain('Integritetsskyddsmyndigheten');
  });

  it('recognises the authority\'s name inside a longer printed name', () => {
    const findings = lintMutated((d) => { d.notice.authorityName = { name: 'Eesti Andmekaitse Inspektsioon', ref: [] }; });
    expect(findings).toEqual([]);
  });

  it('warns about a notice naming another country\'s authority', () => {
    const findings = lintMutated((d) => { d.notice.authorityName = { name: 'State Data Protection Inspectorate', ref: [] }; });
    expectFinding(findings, 'notice-authority-mismatch', 'warning', 'notice.authorityName');
  });

  it('notes an authority name it cannot recognise', () => {
    const findings = lintMutated((d) => { d.notice.authorityName = { name: 'the regulator', ref: [] }; });
    expectFinding(findings, 'notice-authority-unrecognised', 'info', 'notice.authorityName');
  });

  describe('where competence is regional (Germany, Spain)', () => {
    it('accepts the chosen regional authority of the controller\'s country', () => {
      const findings = lintMutated((d) => { d.jurisdiction = jurisdictionFor('DE', d.jurisdiction.languages, 'DE-BY'); d.notice.authorityName = undefined; });
      expect(findings.filter((f) => f.code.includes('authority'))).toEqual([]);
    });

    it('rejects an authority that is none of the country\'s, naming the choices', () => {
      const findings = lintMutated((d) => { d.jurisdiction = { ...jurisdictionFor('ES', d.jurisdiction.languages, 'ES-CT'), authority: AUTHORITIES.LV }; });
      const f = expectFinding(findings, 'authority-mismatch', 'error', 'jurisdiction.authority.name');
      expect(f.message).toContain('APDCAT');
      expect(f.message).toContain('AEPD');
    });

    it('warns about a notice naming another region\'s authority than the chosen one', () => {
      const findings = lintMutated((d) => {
        d.jurisdiction = jurisdictionFor('DE', d.jurisdiction.languages, 'DE-HH');
        d.notice.authorityName = { name: 'Bayerisches Landesamt für Datenschutzaufsicht', ref: [] };
      });
      const f = expectFinding(findings, 'notice-authority-mismatch', 'warning', 'notice.authorityName');
      expect(f.message).toContain('HmbBfDI');
    });
  });
});
