import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser } from './support/browser';

/**
 * The front door in Chromium, without JavaScript: `/` says what Regula is and
 * leads each user in (the controllers' public pages, the dashboard, the API
 * documentation), in the visitor's language; the icon every page asks for is
 * served (no 404 in the console).
 */
describe('the landing page in Chromium', () => {
  let h: Harness;
  let b: BrowserSession;

  beforeAll(async () => {
    h = await startApi();
    b = await openBrowser(h, { width: 1100 });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  it('leads data subjects, staff and developers in, in English and Latvian, with an icon', async () => {
    const { page } = b;
    const res = await page.goto(`${b.base}/?lang=en`);
    expect(res!.status()).toBe(200);
    expect(await page.textContent('h1')).toBe('Regula: privacy compliance for the controllers here');
    const controllers = await page.$$eval('#controllers a', (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute('href') })));
    expect(controllers.map((c) => c.href).sort()).toEqual(
      ['/t/inomedis/?lang=en', '/t/medical-management/?lang=en', '/t/micromedic/?lang=en', '/t/softera-baltic/?lang=en'],
    );
    expect(await page.getAttribute('#dashboard-link', 'href')).toBe('/admin?lang=en');
    expect(await page.getAttribute('#docs-link', 'href')).toBe('/api/docs');
    expect(await page.getAttribute('link[rel="icon"]', 'href')).toBe('/favicon.svg');
    await b.shot('landing-en');

    // In Latvian: the language link, and each controller's pages in Latvian where it offers them.
    await Promise.all([page.waitForURL(/lang=lv$/), page.click('nav.lang-switch a[hreflang="lv"]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('lv');
    expect(await page.textContent('#h-subjects')).toBe('Jūsu dati un tiesības');
    expect(await page.getAttribute('#controllers a[href^="/t/inomedis/"]', 'href')).toBe('/t/inomedis/?lang=lv');
    // Micromedic publishes in Swedish and English: its link opens its first language.
    expect(await page.getAttribute('#controllers a[href^="/t/micromedic/"]', 'href')).toBe('/t/micromedic/?lang=sv');
    await b.shot('landing-lv');

    // A link followed leads to the controller's own page.
    await Promise.all([page.waitForURL(/\/t\/inomedis\//), page.click('#controllers a[href^="/t/inomedis/"]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('lv');

    const icon = await page.request.get(`${b.base}/favicon.ico`);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
    expect(b.foreign).toEqual([]);
    expect(b.problems).toEqual([]);
  });
});
