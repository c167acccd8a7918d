import { expectFinding, lintMutated } from '../fixtures/lint-test-helpers';

describe('notice-remarks rule', () => {
  it('passes remarks through with their own severity', () => {
    const findings = lintMutated((d) => {
      d.notice.remarks = [
        { text: { en: 'The notice dates itself 2019.', et: 'Teade on 2019. aastast.' }, severity: 'info', ref: [{ source: 'example-notice' }] },
        { text: { en: 'Access requests must be signed on paper.', et: 'Taotlus tuleb allkirjastada paberil.' }, severity: 'warning', ref: [{ source: 'example-notice' }] },
      ];
    });
    const warning = expectFinding(findings, 'notice-remark', 'warning', 'notice.remarks[1]');
    expect(warning.message).toBe('Access requests must be signed on paper.');
    expectFinding(findings, 'notice-remark', 'info', 'notice.remarks[0]');
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'info']);
  });
});
