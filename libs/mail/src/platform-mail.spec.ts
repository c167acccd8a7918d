import { PLATFORM_BRANDING } from './mail-branding';
import { MAIL_LANGS, MailRenderer } from './mail-renderer';

const checkpoint = { chain: 'platform', kind: 'head', seq: 42, hash: 'a'.repeat(64), at: '2026-03-05T03:45:00.000Z', keyId: 'k0123456789abcdef', mac: 'b'.repeat(64) };
const data = {
  day: '2026-03-05', total: 2, brokenCount: 1, platformAdmin: true,
  chains: [
    { platform: false, name: 'SIA "Inomedis Aesthetic Group" (inomedis)', ok: false, entries: 7, brokenAt: 8, checkpoint: { ...checkpoint, chain: 'x' } },
    { platform: true, name: '', ok: true, entries: 42, brokenAt: null, checkpoint },
  ],
};

describe('platform e-mails: the audit chains\' signed heads', () => {
  const renderer = new MailRenderer();
  const english = renderer.render(PLATFORM_BRANDING, 'audit-chain-heads', 'en', data);

  it.each(MAIL_LANGS)('renders in %s with every head, signature and verdict, in that language only', (lang) => {
    const out = renderer.render(PLATFORM_BRANDING, 'audit-chain-heads', lang, data);
    for (const part of [out.subject, out.text, out.html]) {
      expect(part).not.toContain('{{');
      expect(part).not.toMatch(/undefined|\[object Object\]/);
    }
    expect(out.html).toContain(`<html lang="${lang}">`);
    expect(out.text).toContain('a'.repeat(64));
    expect(out.text).toContain('b'.repeat(64));
    expect(out.text).toContain('#42');
    expect(out.text).toContain('#8');
    expect(out.text).toContain('SIA "Inomedis Aesthetic Group" (inomedis)');
    expect(out.text).not.toContain('a request about personal data'); // the footer of a platform e-mail
    if (lang !== 'en') {
      // No sentence of the English e-mail in another language.
      for (const sentence of ['Keep this e-mail', 'Platform chain', 'Last published checkpoint', 'platform administrator', 'BROKEN at entry']) expect(out.text).not.toContain(sentence);
      expect(out.subject).not.toEqual(english.subject);
    }
  });

  it('says all chains are intact in the subject when none is broken', () => {
    expect(renderer.render(PLATFORM_BRANDING, 'audit-chain-heads', 'en', { ...data, brokenCount: 0 }).subject).toBe('Audit log chains on 5 March 2026: all 2 chains intact');
  });
});
