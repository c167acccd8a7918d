import { TENANTS } from '../../../../../tenants';
import { ControllerDefinition } from '../../schema/controller';
import { lintMutated } from '../fixtures/lint-test-helpers';
import { lintController } from '../lint-controller';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;
const of = (def: ControllerDefinition) => lintController(def).filter((f) => f.code === 'change-clause-consent' || f.code === 'notice-change-clause-consent');

describe('change-clause rule', () => {
  it('warns about Micromedic\'s notice (changes "that require your consent"), whose published clause was corrected', () => {
    const findings = of(tenant('micromedic'));
    expect(findings.map((f) => [f.code, f.severity, f.kind, f.path])).toEqual([['notice-change-clause-consent', 'warning', 'publication', 'notice.changeClause']]);
    expect(findings[0].message).toContain('says changes of the policy need the reader\'s consent');
  });

  it('is an error on Micromedic when the published clause speaks of changes "that require your consent"', () => {
    const def = tenant('micromedic');
    def.policyChanges.description = { ...def.policyChanges.description, en: 'We will notify you of material changes that require your consent.' };
    const findings = of(def);
    expect(findings.map((f) => [f.code, f.severity, f.kind, f.path])).toEqual([['change-clause-consent', 'error', 'publication', 'policyChanges.description']]);
    expect(findings[0].message).toMatch(/ties changes of the policy to the reader's consent.*Art\. 4\(11\)/);
  });

  it('warns on Medical Management: its older register description takes continued use as consent (section 11)', () => {
    const findings = of(tenant('medical-management'));
    expect(findings.map((f) => [f.code, f.severity, f.path])).toEqual([['notice-change-clause-consent', 'warning', 'notice.changeClause']]);
    expect(findings[0].message).toContain('takes continued use of the service as consent');
  });

  it('finds continued use planted in Softera Baltic\'s published clause, and a consent claim planted in Inomedis\'s notice', () => {
    const softera = tenant('softera-baltic');
    softera.policyChanges.description = { ...softera.policyChanges.description, en: 'If you continue to use the website after a change, you accept the changed policy.' };
    expect(of(softera).map((f) => [f.code, f.message.slice(0, 60)])).toEqual([['change-clause-consent', 'The change clause takes continued use as acceptance of a cha']]);
    const ino = tenant('inomedis');
    ino.notice.changeClause = { says: 'consent-to-changes', ref: [{ source: 'GDPR', at: 'Art. 7' }] };
    expect(of(ino).map((f) => f.code)).toEqual(['notice-change-clause-consent']);
  });

  it('accepts a clause that says how changes are announced', () => {
    expect(of(tenant('inomedis'))).toEqual([]);
    expect(lintMutated(() => undefined).filter((f) => f.code.includes('change-clause'))).toEqual([]);
  });
});
