import { MAIL_LANGS, MailBranding, MailRenderer } from '@regula/mail';
import { BREACH_MAIL_TEMPLATES } from './breach-mail';

const tenant: MailBranding = {
  slug: 'micromedic', name: 'Micromedic', legalName: 'Micromedic AB', primaryColor: '#0B4F6C', accentColor: '#01BAEF',
  email: 'info@micromedic.se', phone: null, web: null, address: 'Box 55642, 102 14 Stockholm', timeZone: 'Europe/Stockholm', languages: ['sv', 'en'],
};
const data = { reference: 'BR-7KQ2-XM4P', title: 'Lost laptop', awareAt: new Date('2026-11-20T14:30:00Z'), deadlineAt: new Date('2026-11-23T14:30:00Z'), hoursLeft: 24 };

describe('breach e-mails', () => {
  const renderer = new MailRenderer();

  it.each(BREACH_MAIL_TEMPLATES.flatMap((t) => MAIL_LANGS.map((l) => [t, l] as const)))('%s renders in %s', (t, lang) => {
    const out = renderer.render(tenant, t, lang, data);
    expect(out.subject).toContain('BR-7KQ2-XM4P');
    expect(out.subject).not.toMatch(/[\r\n]/);
    for (const part of [out.subject, out.text, out.html]) {
      expect(part).not.toContain('{{');
      expect(part).not.toMatch(/undefined|\[object Object\]/);
    }
    expect(out.html).toContain(`<html lang="${lang}">`);
    expect(out.text).toContain('Lost laptop');
    expect(out.text).toContain('Micromedic AB');
    expect(out.text).toMatch(/33/); // the article
    expect(out.html).not.toMatch(/<img|<link|@import|url\(/i);
    if (lang !== 'en') expect(out.text).not.toEqual(renderer.render(tenant, t, 'en', data).text);
  });

  it('states the deadline in the tenant time zone', () => {
    expect(renderer.render(tenant, 'breach-reminder', 'en', data).text).toContain('23 November 2026 at 15:30');
    expect(renderer.render(tenant, 'breach-reminder', 'en', data).subject).toBe('Breach BR-7KQ2-XM4P: 24 hours left to notify the supervisory authority');
  });
});
