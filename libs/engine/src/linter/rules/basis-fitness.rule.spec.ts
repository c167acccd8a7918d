import { TENANTS } from '../../../../../tenants';
import { ControllerDefinition } from '../../schema/controller';
import { lintMutated } from '../fixtures/lint-test-helpers';
import { lintController } from '../lint-controller';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;
const of = (def: ControllerDefinition, ...codes: string[]) => lintController(def).filter((f) => codes.includes(f.code));

describe('basis-fitness rule', () => {
  it('warns about Inomedis\'s notice (office video surveillance on vital interests, clause 14), whose basis was corrected', () => {
    expect(of(tenant('inomedis'), 'basis-unfit-for-purpose', 'notice-basis-unfit-for-purpose').map((f) => [f.code, f.severity, f.kind, f.path])).toEqual([
      ['notice-basis-unfit-for-purpose', 'warning', 'publication', 'registers[video-surveillance].purposes[safety].legalBases[0].citedInNotice'],
    ]);
  });

  it('is an error on Inomedis with the notice\'s vital interests uncorrected', () => {
    const def = tenant('inomedis');
    const basis = def.registers.find((r) => r.id === 'video-surveillance')!.purposes[0].legalBases[0];
    basis.article = '6(1)(d)';
    delete basis.citedInNotice;
    expect(of(def, 'basis-unfit-for-purpose').map((f) => [f.severity, f.kind, f.path])).toEqual([
      ['error', 'publication', 'registers[video-surveillance].purposes[safety].legalBases[0].article'],
    ]);
  });

  it('finds vital interests planted on a marketing purpose of Medical Management and of Micromedic', () => {
    const mm = tenant('medical-management');
    mm.registers.find((r) => r.id === 'direct-marketing')!.purposes.find((p) => p.id === 'campaigns')!.legalBases[0].article = '6(1)(d)';
    const f = of(mm, 'basis-unfit-for-purpose').find((x) => x.path === 'registers[direct-marketing].purposes[campaigns].legalBases[0].article');
    expect(f?.message).toContain('(marketing)');

    const micro = tenant('micromedic');
    micro.registers.find((r) => r.id === 'marketing')!.purposes[0].legalBases[0].article = '6(1)(d)';
    expect(of(micro, 'basis-unfit-for-purpose').map((f) => f.path)).toEqual(['registers[marketing].purposes[direct-marketing].legalBases[0].article']);
  });

  it('finds video surveillance planted in the fixture, by the purpose\'s words', () => {
    const findings = lintMutated((_d, r) => {
      r.purposes[0].name = { en: 'CCTV in the shop', et: 'Videovalve poes' };
      r.purposes[0].legalBases = [{ article: '6(1)(d)', description: { en: 'Safety', et: 'Turvalisus' }, ref: r.purposes[0].ref }];
    });
    expect(findings.filter((f) => f.code === 'basis-unfit-for-purpose').map((f) => f.message)).toEqual([expect.stringContaining('(video surveillance)')]);
  });

  it('warns about the notice only when the register relies on a proper basis and the notice cites vital interests', () => {
    const ino = tenant('inomedis');
    const basis = ino.registers.find((r) => r.id === 'video-surveillance')!.purposes[0].legalBases[0];
    Object.assign(basis, {
      article: '6(1)(f)', citedInNotice: '6(1)(d)',
      description: { en: 'Our legitimate interest in the safety of persons and property at the office.', lv: 'Mūsu leģitīmās intereses.' },
      legitimateInterest: { en: 'Safety of persons and property at the office.', lv: 'Personu un īpašuma drošība birojā.' },
    });
    expect(of(ino, 'basis-unfit-for-purpose', 'notice-basis-unfit-for-purpose').map((f) => [f.code, f.severity, f.path])).toEqual([
      ['notice-basis-unfit-for-purpose', 'warning', 'registers[video-surveillance].purposes[safety].legalBases[0].citedInNotice'],
    ]);
  });

  it('accepts vital interests where life is at stake', () => {
    const findings = lintMutated((_d, r) => {
      r.purposes[0].name = { en: 'Emergency medical assistance', et: 'Kiirabi' };
      r.purposes[0].description = { en: 'Calling an ambulance for a customer taken ill in the shop.', et: 'Kiirabi kutsumine.' };
      r.purposes[0].legalBases = [{ article: '6(1)(d)', description: { en: 'Vital interests', et: 'Elulised huvid' }, ref: r.purposes[0].ref }];
    });
    expect(findings.filter((f) => f.code.includes('unfit'))).toEqual([]);
  });
});
