import { MailBranding } from './mail-branding';
import { MailRenderer } from './mail-renderer';
import { renderChecked, renderStored, storedRenderInput } from './render-later';

const branding: MailBranding = {
  slug: 'inomedis', name: 'Inomedis', legalName: 'SIA "Inomedis Aesthetic Group"', primaryColor: '#6D214F', accentColor: '#8A5A00',
  email: 'lv@inomedis.group', phone: null, web: null, address: null, timeZone: 'Europe/Riga', languages: ['lv', 'en'],
};

/** A web filing's e-mail stored to be rendered by the worker (issue 16 §2) renders as it would have on the filing's path. */
describe('e-mails rendered later', () => {
  const data = {
    name: '2026-03-05T10:00:00.000Z', reference: 'R-7KQ2-XM4P', type: 'access', typeLabel: 'piekļuve', dueDate: '2026-04-07',
    receivedAt: new Date('2026-03-05T10:00:00Z'), statusUrl: 'https://regula.example/t/inomedis/requests/R-7KQ2-XM4P',
    authority: { name: 'Datu valsts inspekcija', address: 'Elijas iela 17, LV-1050 Rīga', web: 'https://www.dvi.gov.lv' },
    code: '123456', minutes: 30, expiresAt: new Date('2026-03-05T10:30:00Z'),
  };

  it.each(['request-received', 'verify-email'] as const)('%s: stored as JSON, it renders the same message in Latvian, dates as dates', (template) => {
    const direct = renderChecked(new MailRenderer(), { branding, template, locale: 'lv', data });
    const stored = JSON.parse(JSON.stringify(storedRenderInput({ branding, template, locale: 'lv', data })));
    expect(renderStored(stored)).toEqual(direct);
  });

  it('keeps a form\'s string that looks like a date a string, and a date a date', () => {
    const stored = JSON.parse(JSON.stringify(storedRenderInput({ branding, template: 'request-received', locale: 'lv', data })));
    expect(stored.data.name).toBe('2026-03-05T10:00:00.000Z');
    expect(stored.data.receivedAt).toEqual({ $date: '2026-03-05T10:00:00.000Z' });
  });
});
