import { TENANTS } from '../../../../../tenants';
import { ControllerDefinition } from '../../schema/controller';
import { lintMutated } from '../fixtures/lint-test-helpers';
import { lintController } from '../lint-controller';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;
const of = (def: ControllerDefinition) => lintController(def).filter((f) => f.code === 'special-category-indicated');

describe('special-category-indicated rule', () => {
  it('warns on Medical Management: messages with patients and recordings in the cloud service', () => {
    const findings = of(tenant('medical-management'));
    expect(findings.map((f) => [f.severity, f.kind, f.path])).toEqual([['warning', 'publication', 'registers[cloud-service].dataCategories']]);
    expect(findings[0].message).toContain("subject category 'patients' (patients)");
  });

  it('does not take video of office visitors for special-category data (EDPB Guidelines 3/2019)', () => {
    expect(of(tenant('inomedis'))).toEqual([]);
  });

  it('warns on patients planted in Micromedic and health words planted in Softera Baltic', () => {
    const micro = tenant('micromedic');
    micro.registers.find((r) => r.id === 'event-contacts')!.subjects.push({ id: 'patients', kind: 'patient', name: { en: 'Patients', sv: 'Patienter' }, ref: [] });
    expect(of(micro).map((f) => f.path)).toEqual(['registers[event-contacts].dataCategories']);
    const softera = tenant('softera-baltic');
    softera.registers.find((r) => r.id === 'customer-service')!.dataCategories[0].fields = { en: 'Name and the client’s health complaints', lt: 'Vardas ir kliento sveikatos skundai' };
    expect(of(softera).map((f) => f.path)).toEqual(['registers[customer-service].dataCategories']);
  });

  it('is satisfied by an Art. 9(2) condition or a category marked special', () => {
    const mm = tenant('medical-management');
    const cloud = mm.registers.find((r) => r.id === 'cloud-service')!;
    cloud.purposes[0].legalBases[0] = { ...cloud.purposes[0].legalBases[0], art9: { condition: '9(2)(h)', description: { en: 'Health care', et: 'Tervishoid', lt: 'Sveikatos priežiūra' } } };
    expect(of(mm)).toEqual([]);
    expect(lintMutated(() => undefined).filter((f) => f.code === 'special-category-indicated')).toEqual([]);
  });
});
