import { validController } from '../linter/fixtures/valid-controller.fixture';
import { applyConfirmations, FactConfirmation } from './confirmations';
import { listFacts, publishableDefinition, unpublishableFacts } from './facts';
import { provenanceOf } from './provenance';

const docs = [{ id: 'n', title: 'notice', language: 'en' as const, role: 'notice' as const }];

describe('provenanceOf', () => {
  it('takes the weakest marked claim, then the controller’s documents, then laws', () => {
    expect(provenanceOf([{ source: 'n', at: '§ 1' }], docs).class).toBe('stated');
    expect(provenanceOf([{ source: 'GDPR', at: 'Art. 8' }], docs).class).toBe('law');
    expect(provenanceOf([{ source: 'n' }, { source: 'GDPR', provenance: 'corrected', note: 'r' }], docs).class).toBe('corrected');
    const p = provenanceOf([{ source: 'n', provenance: 'assumed', note: 'default' }, { source: 'GDPR', provenance: 'corrected' }], docs);
    expect(p).toEqual({ class: 'assumed', decidedBy: { source: 'n', provenance: 'assumed', note: 'default' } });
    expect(provenanceOf([{ source: 'n', provenance: 'unknown' }, { source: 'n', provenance: 'assumed' }], docs).class).toBe('unknown');
    expect(provenanceOf([], docs).class).toBe('unknown');
    expect(provenanceOf([{ source: 'somewhere-else' }], docs).class).toBe('unknown');
  });
});

describe('listFacts', () => {
  it('lists controller fields, nodes with refs and single fields with refs of their own, each with its policy sections', () => {
    const def = validController();
    def.fieldRefs = { legalAddress: [{ source: 'example-notice', at: '§ 1', provenance: 'unknown', note: 'left blank' }] };
    def.registers[0].transfers = 'none';
    def.registers[0].fieldRefs = { transfers: [{ source: 'example-notice', provenance: 'assumed', note: 'the notice does not mention transfers' }] };
    const facts = listFacts(def);
    const byPath = new Map(facts.map((f) => [f.path, f]));
    expect(byPath.get('legalName')?.provenance.class).toBe('stated');
    expect(byPath.get('legalAddress')).toMatchObject({ provenance: { class: 'unknown' }, sections: ['controller'] });
    expect(byPath.get('registers[customers].transfers')).toMatchObject({ value: 'none', provenance: { class: 'assumed' }, sections: ['transfers'] });
    expect(byPath.get('jurisdiction.authority')?.provenance.class).toBe('law');
    const purpose = facts.find((f) => f.kind === 'purposes')!;
    expect(purpose.sections).toEqual(['purposes-and-bases']);
    expect(purpose.label?.en).toBeTruthy();
    expect(purpose.value).not.toHaveProperty('legalBases'); // nested facts are facts of their own
    expect(facts.some((f) => f.path.startsWith('notice'))).toBe(false);
    expect(unpublishableFacts(facts).map((f) => f.path).sort()).toEqual(['legalAddress', 'registers[customers].transfers']);
  });

  it('gives the same value hash to the same value, and another one once it changes', () => {
    const a = listFacts(validController());
    const changed = validController();
    changed.registers[0].purposes[0].description.en += ' Changed.';
    const b = listFacts(changed);
    const path = `registers[customers].purposes[${changed.registers[0].purposes[0].id}]`;
    const hash = (l: typeof a) => l.find((f) => f.path === path)!.valueHash;
    expect(hash(a)).toBe(hash(listFacts(validController())));
    expect(hash(b)).not.toBe(hash(a));
  });
});

describe('applyConfirmations', () => {
  function assumedTransfers() {
    const def = validController();
    def.registers[0].transfers = 'none';
    def.registers[0].fieldRefs = { transfers: [{ source: 'example-notice', provenance: 'assumed', note: 'default' }] };
    return def;
  }
  const path = 'registers[customers].transfers';
  const confirm = (valueHash: string, extra: Partial<FactConfirmation> = {}): FactConfirmation => ({
    path, valueHash, confirmedBy: 'admin@example.test', confirmedAt: '2026-12-01T10:00:00.000Z', note: 'checked with IT', ...extra,
  });

  it('makes a confirmed fact stated, with the confirmation as its ref, and leaves the input alone', () => {
    const def = assumedTransfers();
    const fact = listFacts(def).find((f) => f.path === path)!;
    const out = applyConfirmations(def, [confirm(fact.valueHash)]);
    const after = listFacts(out).find((f) => f.path === path)!;
    expect(after.provenance.class).toBe('stated');
    expect(after.refs[0]).toEqual({ source: 'confirmation', at: '2026-12-01, admin@example.test', note: 'checked with IT' });
    expect(listFacts(def).find((f) => f.path === path)!.provenance.class).toBe('assumed');
  });

  it('replaces the value when the person gave another one', () => {
    const def = validController();
    def.fieldRefs = { legalAddress: [{ source: 'example-notice', provenance: 'unknown' }] };
    const fact = listFacts(def).find((f) => f.path === 'legalAddress')!;
    const address = { street: 'Uus tn 2', city: 'Tartu', country: 'EE' };
    const out = applyConfirmations(def, [{ ...confirm(fact.valueHash), path: 'legalAddress', replacement: address }]);
    expect(out.legalAddress).toEqual(address);
    expect(listFacts(out).find((f) => f.path === 'legalAddress')!.provenance.class).toBe('stated');
  });

  it('no longer applies once the value changed (a sync wrote another one): the fact is assumed again', () => {
    const def = assumedTransfers();
    const stale = confirm('0'.repeat(64));
    const after = listFacts(applyConfirmations(def, [stale])).find((f) => f.path === path)!;
    expect(after.provenance.class).toBe('assumed');
  });
});

describe('publishableDefinition', () => {
  it('leaves out list items, fields and texts that rest on an assumption or on nothing, and keeps the rest', () => {
    const def = validController();
    def.fieldRefs = { legalAddress: [{ source: 'example-notice', provenance: 'unknown' }] };
    def.contact.fieldRefs = { email: [{ source: 'example-notice', provenance: 'unknown' }] };
    const [first, second] = def.rights;
    second.ref = [{ source: 'example-notice', provenance: 'assumed', note: 'default' }];
    def.requests.identity.ref = [{ source: 'GDPR', provenance: 'assumed' }];
    const input = structuredClone(def);
    const out = publishableDefinition(def);
    expect(out.legalAddress).toBeUndefined();
    expect(out.contact.email).toBeUndefined();
    expect(out.contact.phone).toBe(def.contact.phone);
    expect(out.rights.map((r) => r.right)).toEqual(def.rights.map((r) => r.right)); // rights exist by law: kept, without the assumed texts
    expect(out.rights[0]).toEqual(first);
    expect(out.rights[1].description).toBeUndefined();
    expect(out.requests.identity.description).toBeUndefined();
    expect(out.requests.identity.default).toBe(def.requests.identity.default);
    expect(def).toEqual(input); // the input is untouched
    expect(unpublishableFacts(listFacts(out)).map((f) => f.path)).toEqual([`rights[1]`, 'requests.identity']); // kept for their codes, without their texts
  });
});
