import { TENANTS } from '../../../../../tenants';
import { ControllerDefinition, RightCode } from '../../schema/controller';
import { lintController } from '../lint-controller';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;
const of = (def: ControllerDefinition) => lintController(def).filter((f) => f.code === 'right-narrowed' || f.code === 'notice-right-narrowed');
const right = (def: ControllerDefinition, code: RightCode) => def.rights.find((r) => r.right === code)!;

describe('right-scope rule', () => {
  it('warns about Inomedis\'s notice (erasure and restriction on one ground, objection only to profiling and marketing), whose rights were corrected', () => {
    expect(of(tenant('inomedis')).map((f) => [f.code, f.severity, f.path])).toEqual([
      ['notice-right-narrowed', 'warning', 'rights[3].limitedTo'],
      ['notice-right-narrowed', 'warning', 'rights[4].limitedTo'],
      ['notice-right-narrowed', 'warning', 'rights[6].limitedTo'],
    ]);
  });

  it('is an error on Inomedis with the notice\'s limits uncorrected: erasure and restriction on one ground (clause 39), objection only to profiling and marketing (clause 21) although purposes rest on 6(1)(f)', () => {
    const def = tenant('inomedis');
    for (const r of def.rights) if (r.limitedTo) r.limitedTo.ref = r.limitedTo.ref.filter((x) => x.provenance !== 'corrected');
    const findings = of(def);
    expect(findings.map((f) => [f.code, f.severity, f.kind, f.path])).toEqual([
      ['right-narrowed', 'error', 'publication', 'rights[3].limitedTo'],
      ['right-narrowed', 'error', 'publication', 'rights[4].limitedTo'],
      ['right-narrowed', 'error', 'publication', 'rights[6].limitedTo'],
    ]);
    expect(findings[0].message).toMatch(/erasure is offered only in 17\(1\)\(a\).*17\(1\)\(b\) \(consent withdrawn\)/);
    expect(findings[2].message).toMatch(/'debt-recovery'.*Art\. 21\(1\)/);
    expect(findings[2].ref).toEqual([expect.objectContaining({ at: expect.stringContaining('21') }), { source: 'GDPR', at: 'Art. 21(1)' }]);
  });

  it('warns about Softera\'s notice (erasure only once consent is withdrawn), whose published right was corrected to the law', () => {
    expect(of(tenant('softera-baltic')).map((f) => [f.code, f.severity, f.path])).toEqual([['notice-right-narrowed', 'warning', 'rights[2].limitedTo']]);
  });

  it('finds a narrowed erasure and objection planted in Micromedic (which relies on 6(1)(f))', () => {
    const def = tenant('micromedic');
    right(def, 'A17').limitedTo = { cases: ['17(1)(b)'], ref: [{ source: 'GDPR', at: 'Art. 17(1)' }] };
    right(def, 'A21').limitedTo = { cases: ['21(2)'], ref: [{ source: 'GDPR', at: 'Art. 21(2)' }] };
    expect(of(def).map((f) => [f.code, f.message.slice(0, 30)])).toEqual([
      ['right-narrowed', 'The right to erasure is offere'],
      ['right-narrowed', 'The right to object is offered'],
    ]);
  });

  it('finds a restriction planted in Medical Management limited to three of four grounds, and accepts all four', () => {
    const def = tenant('medical-management');
    right(def, 'A18').limitedTo = { cases: ['18(1)(a)', '18(1)(b)', '18(1)(c)'], ref: [] };
    expect(of(def).map((f) => f.message)).toEqual([expect.stringContaining('also missing: 18(1)(d) (objection pending)')]);
    right(def, 'A18').limitedTo = { cases: ['18(1)(a)', '18(1)(b)', '18(1)(c)', '18(1)(d)'], ref: [] };
    expect(of(def)).toEqual([]);
  });

  it('accepts objection limited to direct marketing where no purpose rests on 6(1)(e) or (f)', () => {
    const def = tenant('softera-baltic');
    for (const r of def.registers) for (const p of r.purposes) p.legalBases = p.legalBases.filter((b) => b.article !== '6(1)(f)' && b.article !== '6(1)(e)');
    right(def, 'A21').limitedTo = { cases: ['21(2)'], ref: [] };
    expect(of(def).filter((f) => f.message.startsWith('The right to object'))).toEqual([]);
  });
});
