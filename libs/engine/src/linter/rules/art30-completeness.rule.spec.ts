import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('art30-completeness rule', () => {
  it('reports a missing controller name (Art. 30(1)(a))', () => {
    const findings = lintMutated((d) => { d.legalName = ''; });
    expectFinding(findings, 'art30-missing', 'error', 'legalName');
  });

  it('reports a missing contact e-mail', () => {
    const findings = lintMutated((d) => { delete (d.contact as { email?: string }).email; });
    expectFinding(findings, 'art30-missing', 'error', 'contact.email');
  });

  it('leaves a blank address or e-mail marked unknown to provenance (nobody stated it: never published), and reports an unmarked one', () => {
    const unknown = { source: 'example-notice', provenance: 'unknown' as const, note: 'left blank in the notice' };
    const marked = lintMutated((d) => {
      d.legalAddress = { street: '', city: '', country: d.legalAddress.country };
      d.contact.email = '';
      d.fieldRefs = { legalAddress: [unknown] };
      d.contact.fieldRefs = { email: [unknown] };
    });
    expect(marked.filter((f) => f.code === 'art30-missing')).toEqual([]);
    const unmarked = lintMutated((d) => { d.contact.email = ''; });
    expectFinding(unmarked, 'art30-missing', 'error', 'contact.email');
  });

  it('reports a DPO without contact details', () => {
    const findings = lintMutated((d) => { d.dpo = { name: 'Mari Maasikas', ref: [] }; });
    expectFinding(findings, 'art30-missing', 'error', 'dpo');
  });

  it('reports a definition without registers', () => {
    const findings = lintMutated((d) => { delete (d as { registers?: unknown }).registers; });
    expect(expectFinding(findings, 'missing-field', 'error', 'registers').kind).toBe('definition');
  });

  it.each(['purposes', 'subjects', 'dataCategories', 'sources', 'recipients', 'transfers', 'retention', 'security'])(
    'reports a register without %s',
    (key) => {
      const findings = lintMutated((_d, r) => { delete (r as unknown as Record<string, unknown>)[key]; });
      expectFinding(findings, 'missing-field', 'error', `registers[customers].${key}`);
    },
  );

  it('reports a purpose without legal bases', () => {
    const findings = lintMutated((_d, r) => { delete (r.purposes[0] as { legalBases?: unknown }).legalBases; });
    expectFinding(findings, 'missing-field', 'error', 'registers[customers].purposes[orders].legalBases');
  });

  it('reports a field of the wrong type as a definition error, a blank text as a publication error', () => {
    const wrong = lintMutated((_d, r) => { (r as unknown as Record<string, unknown>).purposes = 'none'; });
    expect(expectFinding(wrong, 'missing-field', 'error', 'registers[customers].purposes').kind).toBe('definition');
    const blank = lintMutated((d) => { d.legalName = ''; });
    expect(expectFinding(blank, 'art30-missing', 'error', 'legalName').kind).toBe('publication');
  });
});
