import { TENANTS } from '../../../../../tenants';
import { ControllerDefinition } from '../../schema/controller';
import { lintMutated } from '../fixtures/lint-test-helpers';
import { lintController } from '../lint-controller';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;
const of = (def: ControllerDefinition) => lintController(def).filter((f) => f.code === 'request-form-disproportionate');

describe('request-form rule', () => {
  it('fires on Micromedic (a signed paper request for access) and Inomedis (a qualified e-signature for portability)', () => {
    const micro = of(tenant('micromedic'));
    expect(micro.map((f) => [f.severity, f.kind, f.path])).toEqual([['error', 'publication', 'requests.identity.perRight.A15']]);
    expect(micro[0].message).toContain('A request for access (A15) must come as a signed paper document');
    expect(micro[0].ref).toEqual(expect.arrayContaining([{ source: 'EDPB-01/2022', at: '§§ 60-79' }]));
    expect(of(tenant('inomedis')).map((f) => f.path)).toEqual(['requests.identity.perRight.A20']);
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
