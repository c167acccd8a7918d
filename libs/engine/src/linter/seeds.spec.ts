import { seed000AsPublished } from './fixtures/seed-000.fixture';
import { seed004, seed004AsPrinted } from './fixtures/seed-004.fixture';
import { lintController } from './lint-controller';

const summary = (findings: { code: string; severity: string; path: string }[]) => findings.map((f) => `${f.severity} ${f.code} ${f.path}`);

describe('seed 000: Baltic Lasers notice with empty sections', () => {
  const findings = lintController(seed000AsPublished());

  it('refuses the register with one empty-section error per empty heading, and no other error', () => {
    expect(summary(findings.filter((f) => f.severity === 'error'))).toEqual([
      'error empty-section registers[portal].purposes',
      'error empty-section registers[portal].dataCategories',
      'error empty-section registers[portal].recipients',
      'error empty-section registers[portal].transfers[processors-scc].recipients',
      'error empty-section registers[portal].retention',
      'error empty-section registers[portal].cookies',
      'error empty-section rights',
    ]);
  });

  it('reports the notice\'s empty headings as warnings and the missing DPO as info', () => {
    expect(findings.filter((f) => f.code === 'notice-empty-section').map((f) => f.path)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `notice.emptySections[${i}]`));
    expect(findings.filter((f) => f.severity === 'info').map((f) => f.code)).toEqual(['no-dpo']);
  });
});

describe('seed 004: Inomedis clause 14', () => {
  it('modelled faithfully, reports the notice\'s two wrong labels, the e-signature it demands and consent kept until withdrawn', () => {
    expect(summary(lintController(seed004()))).toEqual([
      'error request-form-disproportionate requests.identity.default',
      'warning retention-start-uncertain registers[clients].retention[while-conditions].conditions',
      'warning notice-consent-for-purchase registers[clients].purposes[contract].legalBases[0].citedInNotice',
      'warning notice-legal-basis-label registers[clients].purposes[legal-obligations].legalBases[0].citedInNotice',
    ]);
  });

  it('names the mislabelled legal obligation and its clause', () => {
    const label = lintController(seed004()).find((f) => f.code === 'notice-legal-basis-label');
    expect(label?.message).toContain('cites Art. 6(1)(b) (contract)');
    expect(label?.message).toContain('Art. 6(1)(c) (legal obligation)');
    expect(label?.ref?.[0]).toEqual({ source: 'seed-004', at: 'clause 14', note: 'the notice labels this (b); it is (c)' });
  });

  it('copied literally from the notice, is refused', () => {
    expect(summary(lintController(seed004AsPrinted()).filter((f) => f.severity === 'error'))).toEqual([
      'error legal-basis-contradiction registers[clients].purposes[legal-obligations].legalBases[0].description',
      'error consent-for-purchase registers[clients].purposes[contract].legalBases[0].article',
      'error request-form-disproportionate requests.identity.default',
    ]);
  });
});
