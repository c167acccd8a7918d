import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('references rule', () => {
  it('rejects a source that is neither a document nor a catalogued law', () => {
    const findings = lintMutated((_d, r) => { r.purposes[0].ref = [{ source: 'seed-007', at: '§ 3' }]; });
    expectFinding(findings, 'unknown-reference', 'error', 'registers[customers].purposes[orders].ref[0].source');
  });

  it.each([
    ['purpose', (r: any) => { r.purposes[0].ref = []; }, 'registers[customers].purposes[orders].ref'],
    ['legal basis', (r: any) => { r.purposes[0].legalBases[0].ref = []; }, 'registers[customers].purposes[orders].legalBases[0].ref'],
    ['recipient', (r: any) => { r.recipients[0].ref = []; }, 'registers[customers].recipients[hosting].ref'],
    ['transfer', (r: any) => { r.transfers[0].ref = []; }, 'registers[customers].transfers[hosting-scc].ref'],
    ['retention rule', (r: any) => { r.retention[0].ref = []; }, 'registers[customers].retention[invoices].ref'],
    ['data category', (r: any) => { r.dataCategories[0].ref = []; }, 'registers[customers].dataCategories[identity].ref'],
  ])('warns about a %s without a reference', (_what, mutate, path) => {
    const findings = lintMutated((_d, r) => mutate(r));
    expectFinding(findings, 'unreferenced-fact', 'warning', path);
  });
});
