import { TENANTS } from '../../../../../tenants';
import { ControllerDefinition } from '../../schema/controller';
import { listFacts } from '../../provenance/facts';
import { Ref } from '../../schema/text';
import { lintController } from '../lint-controller';

const tenant = (slug: string) => structuredClone(TENANTS.find((t) => t.slug === slug)!) as ControllerDefinition;
const unknown = (note: string): Ref[] => [{ source: 'LEGAL-NOTES', provenance: 'unknown', note }];
const of = (def: ControllerDefinition) => lintController(def).filter((f) => f.code === 'art13-unknown');
const reg = (def: ControllerDefinition, id: string) => def.registers.find((r) => r.id === id)!;

describe('art13-unknown rule', () => {
  it('on the real tenants, reports only facts whose provenance is unknown', () => {
    for (const def of TENANTS) {
      const facts = listFacts(def);
      for (const f of of(def)) expect([f.path, facts.find((x) => x.path === f.path)?.provenance.class]).toEqual([f.path, 'unknown']);
    }
  });

  it('Softera Baltic with its address, e-mail and local partners marked unknown: errors naming Art. 13(1)(a) and the reason', () => {
    const def = tenant('softera-baltic');
    def.fieldRefs = { ...def.fieldRefs, legalAddress: unknown('the notice leaves "legal address" blank') };
    def.contact.fieldRefs = { email: unknown('the notice gives no e-mail address') };
    const findings = of(def);
    expect(findings.map((f) => [f.severity, f.kind, f.path])).toEqual([
      ['error', 'publication', 'legalAddress'],
      ['error', 'publication', 'contact.email'],
      ['error', 'publication', 'registers[clients].recipients[local-partners]'],
    ]);
    expect(findings[0].message).toContain('Art. 13(1)(a)');
    expect(findings[0].message).toContain('the notice leaves "legal address" blank');
  });

  it('whether there are transfers, unknown in a Micromedic register ("none" nobody stated): Art. 13(1)(f)', () => {
    const def = tenant('micromedic');
    reg(def, 'marketing').fieldRefs = { transfers: unknown('the notice says nothing about transfers') };
    expect(of(def).map((f) => [f.path, f.message.slice(0, 14)])).toEqual([['registers[marketing].transfers', 'Art. 13(1)(f):']]);
  });

  it('a DPO: an error when one is designated, or when whether one is designated is unknown', () => {
    const micro = tenant('micromedic');
    (micro.dpo as { fieldRefs?: unknown }).fieldRefs = { email: unknown('the notice names the DPO without an address') };
    expect(of(micro).map((f) => f.path)).toEqual(['dpo.email']);
    const ino = tenant('inomedis');
    expect(ino.dpo).toBe('none');
    ino.fieldRefs = { ...ino.fieldRefs, dpo: unknown('the notice does not say whether a DPO is designated') };
    const [f] = of(ino);
    expect(f.path).toBe('dpo');
    expect(f.message).toContain('whether it applies here cannot be said either');
  });

  it('legitimate interests: an error only where the basis is Art. 6(1)(f)', () => {
    const def = tenant('inomedis');
    const clients = reg(def, 'clients');
    const debt = clients.purposes.find((p) => p.id === 'debt-recovery')!.legalBases[0];
    (debt as { fieldRefs?: unknown }).fieldRefs = { legitimateInterest: unknown('the interest is ours, not the notice\'s') };
    const contract = clients.purposes.find((p) => p.id === 'contract')!.legalBases[0];
    (contract as { fieldRefs?: unknown }).fieldRefs = { legitimateInterest: unknown('irrelevant: not 6(1)(f)') };
    (contract as { legitimateInterest?: unknown }).legitimateInterest = { en: 'x', lv: 'x' };
    expect(of(def).map((f) => [f.path, f.message.slice(0, 14)])).toEqual([['registers[clients].purposes[debt-recovery].legalBases[0].legitimateInterest', 'Art. 13(1)(d):']]);
  });

  it('withdrawal of consent: an error where consent is relied on, not where it is not (unless a basis is itself unknown)', () => {
    const mark = (def: ControllerDefinition) => { def.rights.find((r) => r.right === 'A7-3')!.ref = unknown('no withdrawal channel stated'); };
    const mm = tenant('medical-management');
    mark(mm);
    expect(of(mm).map((f) => f.path)).toEqual([`rights[${mm.rights.findIndex((r) => r.right === 'A7-3')}]`]);

    const noConsent = tenant('micromedic');
    for (const r of noConsent.registers) for (const p of r.purposes) for (const b of p.legalBases) if (b.article === '6(1)(a)') b.article = '6(1)(b)';
    mark(noConsent);
    expect(of(noConsent)).toEqual([]);
    reg(noConsent, 'accounting').purposes[0].legalBases[0].ref = unknown('basis inferred');
    expect(of(noConsent).map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Art\. 13\(2\)\(c\).*whether it applies here cannot be said/)]));
  });

  it('Art. 14: sources and data categories not obtained from the subject; security measures are no Art. 13 item', () => {
    const def = tenant('micromedic');
    const events = reg(def, 'event-contacts');
    const organiser = events.sources.find((s) => s.kind === 'third-party')!;
    organiser.ref = unknown('organiser not named');
    events.sources.find((s) => s.kind === 'data-subject')!.ref = unknown('how the subject gives it is not said');
    events.security[0].ref = unknown('measure assumed');
    const fromOthers = events.dataCategories.find((c) => c.sources.includes(organiser.id))!;
    fromOthers.ref = unknown('categories from the organiser not listed');
    expect(of(def).map((f) => [f.path, f.message.slice(0, 15)])).toEqual([
      [`registers[event-contacts].dataCategories[${fromOthers.id}]`, 'Art. 14(1)(d): '],
      [`registers[event-contacts].sources[${organiser.id}]`, 'Art. 14(2)(f): '],
    ]);
  });
});
