import { TENANTS } from '../../../../../tenants';
import { ControllerDefinition } from '../../schema/controller';
import { lintMutated } from '../fixtures/lint-test-helpers';
import { lintController } from '../lint-controller';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;
const of = (def: ControllerDefinition) => lintController(def).filter((f) => f.code === 'request-form-disproportionate');
const onNotice = (def: ControllerDefinition) => lintController(def).filter((f) => f.code === 'notice-request-form-disproportionate');
/** The right's statement without the correction Regula made: the definition itself demands the form. */
const uncorrected = (def: ControllerDefinition, right: string) => {
  const r = def.rights.find((x) => x.right === right)!;
  r.ref = r.ref.filter((x) => x.provenance !== 'corrected');
  return def;
};

describe('request-form rule', () => {
  it('warns about the notices of Micromedic (signed paper for access) and Inomedis (a qualified e-signature for portability), whose rights Regula corrected', () => {
    expect(of(tenant('micromedic'))).toEqual([]);
    expect(of(tenant('inomedis'))).toEqual([]);
    const warned = onNotice(tenant('micromedic'));
    expect(warned.map((f) => [f.severity, f.kind, f.path])).toEqual([['warning', 'publication', 'requests.identity.perRight.A15']]);
    expect(warned[0].message).toMatch(/^In the controller's notice: a request for access \(A15\) must come as a signed paper document.*corrected/);
    expect(onNotice(tenant('inomedis')).map((f) => f.path)).toEqual(['requests.identity.perRight.A20']);
  });

  it('is an error on Micromedic and Inomedis when the right states no correction', () => {
    const micro = of(uncorrected(tenant('micromedic'), 'A15'));
    expect(micro.map((f) => [f.severity, f.kind, f.path])).toEqual([['error', 'publication', 'requests.identity.perRight.A15']]);
    expect(micro[0].message).toContain('A request for access (A15) must come as a signed paper document');
    expect(micro[0].ref).toEqual(expect.arrayContaining([{ source: 'EDPB-01/2022', at: '§§ 60-79' }]));
    expect(of(uncorrected(tenant('inomedis'), 'A20')).map((f) => f.path)).toEqual(['requests.identity.perRight.A20']);
  });

  it('finds the same demands planted in Medical Management and Softera Baltic', () => {
    const mm = tenant('medical-management');
    mm.requests.identity.default = 'signed-written-request';
    expect(of(mm).map((f) => f.path)).toEqual(['requests.identity.default']);
    const softera = tenant('softera-baltic');
    softera.requests.identity.perRight = { A17: 'qualified-e-signature' };
    expect(of(softera).map((f) => f.message)).toEqual([expect.stringContaining('A request for erasure (A17) must come as a qualified electronic signature')]);
  });

  it('accepts an e-mail link, and a definition without identity rules', () => {
    expect(lintMutated(() => undefined).filter((f) => f.code === 'request-form-disproportionate')).toEqual([]);
    expect(lintMutated((d) => { delete (d.requests as { identity?: unknown }).identity; }).filter((f) => f.code === 'request-form-disproportionate')).toEqual([]);
  });
});
