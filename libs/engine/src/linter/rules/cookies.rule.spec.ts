import { Cookie } from '../../schema/register';
import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

const ga: Cookie = {
  name: '_ga', provider: 'Google Analytics', firstParty: false, category: 'statistics',
  purpose: { en: 'Distinguishes users for statistics', et: 'Eristab kasutajaid statistika jaoks' },
  expiry: { years: 2 }, basis: 'consent', ref: [{ source: 'example-notice', at: '§ 8' }],
};

describe('cookies rule', () => {
  it('rejects a statistics cookie without consent', () => {
    const findings = lintMutated((_d, r) => { r.cookies = [{ ...ga, basis: 'exempt' }]; });
    expectFinding(findings, 'cookie-without-consent', 'error', 'registers[customers].cookies[0].basis');
  });

  it('notes a strictly-necessary cookie that asks for consent', () => {
    const findings = lintMutated((_d, r) => { (r.cookies as Cookie[])[0].basis = 'consent'; });
    expectFinding(findings, 'cookie-consent-not-needed', 'info', 'registers[customers].cookies[0].basis');
  });

  it('rejects a third-party cookie when the notice promises no third-party trackers', () => {
    const findings = lintMutated((d, r) => {
      d.notice.noThirdPartyTrackers = { ref: [{ source: 'example-notice', at: '§ 8' }] };
      (r.cookies as Cookie[]).push(ga);
    });
    expectFinding(findings, 'third-party-cookie-contradiction', 'error', 'registers[customers].cookies[1].firstParty');
  });

  it('warns when the notice mentions a tracker and promises none (seeds 001 and 000)', () => {
    const findings = lintMutated((d) => {
      d.notice.noThirdPartyTrackers = { ref: [{ source: 'example-notice', at: '§ 4' }] };
      d.notice.trackersMentioned = [{ name: 'Google Analytics', ref: [{ source: 'example-notice', at: '§ 3' }] }];
    });
    const f = expectFinding(findings, 'notice-contradiction', 'warning', 'notice.trackersMentioned[0]');
    expect(f.message).toContain('Google Analytics');
  });
});
