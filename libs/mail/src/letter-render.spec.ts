import { MailBranding } from './mail-branding';
import { MAIL_LANGS, MailRenderer } from './mail-renderer';

const tenant: MailBranding = {
  slug: 'inomedis', name: 'Inomedis', legalName: 'SIA "Inomedis Aesthetic Group"', primaryColor: '#6D214F', accentColor: '#8A5A00',
  email: 'lv@inomedis.group', phone: '+371 25770445', web: null, address: 'Meža prospekts 12–1, LV-2010 Jūrmala', timeZone: 'Europe/Riga', languages: ['lv', 'en'],
};

const authority = { name: 'Datu valsts inspekcija', nameEn: 'Data State Inspectorate', abbreviation: 'DVI', address: 'Elijas iela 17, LV-1050 Rīga', phone: '+371 67 223 131', email: 'info@dvi.gov.lv', web: 'https://www.dvi.gov.lv' };

const data = {
  name: 'Līga Kalna', reference: 'R-7KQ2-XM4P', type: 'access', typeLabel: 'access', receivedAt: new Date('2026-03-05T10:00:00Z'), dueDate: '2026-04-07',
  statusUrl: 'https://regula.example/t/inomedis/requests/R-7KQ2-XM4P', postalAddress: 'Meža prospekts 12–1, LV-2010 Jūrmala', authority,
  askedAt: new Date('2026-03-05T10:00:00Z'), closeOn: new Date('2026-04-04T10:00:00Z'), cannotIdentify: false,
  letter: { name: 'Līga Kalna', address: 'Ielas iela 5\nLV-1010 Rīga', date: new Date('2026-03-12T09:00:00Z') },
};

/** The e-mail's words for "upload it on the request page" and "you receive this e-mail", per language. */
const EMAIL_ONLY: Record<string, RegExp> = {
  en: /upload it|You are receiving this e-mail/, et: /laadige|Saite selle kirja/, lt: /įkelkite|Šį laišką gavote/, lv: /augšupielādējiet|Jūs saņemat šo e-pastu/, sv: /ladda upp|Du får det här meddelandet/,
};

/**
 * The identity-wait templates written as letters (PostalLettersService, for a
 * subject without e-mail): the letter head names the subject, the postal
 * address and the date; the text says to answer by post or in person, and
 * nothing says "upload" or "you receive this e-mail".
 */
describe('identity-wait templates as postal letters', () => {
  const renderer = new MailRenderer();
  it.each(MAIL_LANGS.flatMap((l) => (['identity-reminder', 'identity-not-confirmed'] as const).map((t) => [t, l] as const)))('%s as a letter in %s', (template, lang) => {
    const out = renderer.render(tenant, template, lang, data);
    expect(out.text).toContain('Līga Kalna');
    expect(out.text).toContain('LV-1010 Rīga');
    expect(out.text).toContain('Meža prospekts 12–1, LV-2010 Jūrmala');
    expect(out.text).not.toMatch(EMAIL_ONLY[lang]);
    // The same template as an e-mail still says both.
    const { letter: _letter, ...mail } = data;
    expect(renderer.render(tenant, template, lang, mail).text).toMatch(EMAIL_ONLY[lang]);
  });
});
