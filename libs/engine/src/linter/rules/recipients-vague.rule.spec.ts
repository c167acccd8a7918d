import { TENANTS } from '../../../../../tenants';
import { ControllerDefinition } from '../../schema/controller';
import { Recipient } from '../../schema/register';
import { lintMutated } from '../fixtures/lint-test-helpers';
import { lintController } from '../lint-controller';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;
const of = (def: ControllerDefinition) => lintController(def).filter((f) => f.code === 'recipient-vague');
const recipient = (id: string, name: Recipient['name']): Recipient => ({ id, kind: 'controller', name, ref: [{ source: 'GDPR', at: 'Art. 13(1)(e)' }] });
const add = (def: ControllerDefinition, register: string, r: Recipient) => {
  const reg = def.registers.find((x) => x.id === register)!;
  reg.recipients = [...(Array.isArray(reg.recipients) ? reg.recipients : []), r];
};

describe('recipients-vague rule', () => {
  it('fires on Softera Baltic: "local Partners in your region" (section 3)', () => {
    const [f, ...rest] = of(tenant('softera-baltic'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', kind: 'publication', path: 'registers[clients].recipients[local-partners].name' });
    expect(f.message).toContain('Local partners in the client’s region');
    expect(f.ref).toEqual([
      expect.objectContaining({ at: expect.stringContaining('3') }),
      expect.objectContaining({ provenance: 'unknown' }),
      { source: 'GDPR', at: 'Art. 13(1)(e)' },
    ]);
  });

  it('finds "partners" planted in Inomedis (Latvian and English) and "third parties" in Medical Management', () => {
    const ino = tenant('inomedis');
    add(ino, 'clients', recipient('partners', { lv: 'Partneri', en: 'Our partners' }));
    expect(of(ino).map((f) => f.path)).toEqual(['registers[clients].recipients[partners].name']);
    const mm = tenant('medical-management');
    add(mm, 'customer-relationship', recipient('others', { en: 'Third parties', et: 'Kolmandad isikud', lt: 'Trečiosios šalys' }));
    expect(of(mm).map((f) => f.path)).toEqual(['registers[customer-relationship].recipients[others].name']);
  });

  it('accepts recipients named by what they do, and the real recipients of the other tenants', () => {
    expect(of(tenant('inomedis'))).toEqual([]);
    expect(of(tenant('micromedic'))).toEqual([]);
    const findings = lintMutated((_d, r) => {
      r.recipients = [...(Array.isArray(r.recipients) ? r.recipients : []), recipient('couriers', { en: 'Partners delivering your orders (courier companies)', et: 'Kullerfirmad' })];
    });
    expect(findings.filter((f) => f.code === 'recipient-vague')).toEqual([]);
  });
});
