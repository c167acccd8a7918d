import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { layoutProblems } from './support/layout-check';
import { createStaff } from './support/staff';

/** A 1×1 PNG (magic bytes, IHDR, IDAT, IEND): a real raster logo. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><circle cx="5" cy="5" r="4" fill="#1F4E79"/></svg>');
const WIDTHS = [1280, 390];

/**
 * A platform admin creates a controller in the dashboard with JavaScript off
 * (issue 17 §1): the form (a refused colour comes back naming the field, what
 * was typed kept), the preview (what Finland brings, what is assumed, the logo
 * checked and its script removed), the
 * confirmation (the first admin's one-time password), then the facts page (a
 * save is version 2, a PNG logo) and the new controller's public pages in
 * Swedish with its logo. Each new page is checked at 1280 px and a phone's
 * 390 px (no sideways scrolling, no text over text). One app boot and one
 * browser; about 25 s on an idle machine, much of it full-page screenshots.
 */
describe('onboarding a controller in the dashboard (JavaScript off)', () => {
  let h: Harness;
  let b: BrowserSession;
  const failures: string[] = [];

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'platform@fjordbyn.test', { platformAdmin: true });
    b = await openBrowser(h, { width: 1280, expectedErrorStatuses: [400] });
  });
  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  /** Checks the page at both widths; its screenshot at 1280 px (and at 390 px for the form, the longest page: a full-page shot is most of this suite's time). */
  async function checked(shot: string, phoneShot = false): Promise<void> {
    for (const width of WIDTHS) {
      await b.page.setViewportSize({ width, height: 900 });
      const found = await layoutProblems(b.page);
      const at = new URL(b.page.url()).pathname;
      if (found.overflow) failures.push(`${at} at ${width} px scrolls sideways: ${found.overflow.elements.join('; ')}`);
      for (const o of found.overlaps) failures.push(`${at} at ${width} px: ${o}`);
      if (width === 1280 || phoneShot) await b.shot(`onboarding-${shot}-${width}`);
    }
    await b.page.setViewportSize({ width: 1280, height: 900 });
  }

  async function fillForm(primary: string): Promise<void> {
    const p = b.page;
    await p.fill('#c-slug', 'fjordbyn');
    await p.fill('#c-legal-name', 'Fjordbyn Ab');
    await p.fill('#c-brand', 'Fjordbyn');
    await p.fill('#c-registry', '7654321-0');
    await p.selectOption('#c-country', 'FI');
    await p.fill('#c-legal-street', 'Strandvägen 5');
    await p.fill('#c-legal-city', 'Vasa');
    await p.fill('#c-legal-postal', '65100');
    await p.fill('#c-email', 'integritet@fjordbyn.test');
    await p.check('#c-dpo-none');
    await p.check('#c-lang-sv');
    await p.check('#c-lang-en');
    await p.selectOption('#c-default-lang', 'sv');
    await p.fill('#c-primary', primary);
    await p.fill('#c-accent', '#7A3E00');
    await p.fill('#c-first-admin', 'admin@fjordbyn.test');
  }

  it('the form, refused with the field named and the answers kept', async () => {
    await signInAdmin(b, 'platform@fjordbyn.test', '/admin');
    await Promise.all([b.page.waitForURL(/\/admin\/platform\/tenants\/new$/), b.page.click('a[href="/admin/platform/tenants/new"]')]);
    await checked('01-form', true);
    await fillForm('#777777');
    await Promise.all([b.page.waitForURL(/\/preview$/), b.page.click('form.facts-form button[type="submit"]')]);
    expect(await b.page.textContent('.error-summary')).toContain('Main colour: text on #777777 would not reach a contrast of 4.5:1');
    expect(await b.page.inputValue('#c-legal-name')).toBe('Fjordbyn Ab');
    await checked('02-refused');
  });

  it('the preview says what Finland brings and what is assumed; Confirm creates it and shows the one-time password', async () => {
    await b.page.fill('#c-primary', '#1F4E79');
    // A logo with the form: an SVG whose script is removed before anything is kept.
    await b.page.setInputFiles('#c-logo', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: SVG });
    await b.page.click('form.facts-form button[type="submit"]');
    await b.page.waitForSelector('#h-country');
    const text = (await b.page.textContent('main'))!;
    expect(text).toContain('SVG, 1 KB, checked by its content. Scripts and links were removed from it.');
    expect(text).toContain('Europe/Helsinki');
    expect(text).toContain('not been checked against its sources');
    expect(text).toContain('nobody has stated yet');
    // Nothing exists before the confirmation.
    expect(await h.db.owner.query(`SELECT 1 FROM tenants WHERE slug = 'fjordbyn'`)).toEqual([]);
    await checked('03-preview');
    // "Change the answers" brings the form back filled in (a file must be chosen again); its preview again, then Confirm.
    await b.page.click('form[aria-labelledby="h-again"] button[type="submit"]');
    expect(await b.page.inputValue('#c-registry')).toBe('7654321-0');
    expect(await b.page.isChecked('#c-dpo-none')).toBe(true);
    await b.page.setInputFiles('#c-logo', { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: SVG });
    await b.page.click('form.facts-form button[type="submit"]');
    await b.page.waitForSelector('#h-country');
    await b.page.click('form[aria-labelledby="h-confirm"] button[type="submit"]');
    await b.page.waitForSelector('#one-time-password');
    expect((await b.page.textContent('#one-time-password'))!.trim()).toMatch(/^[A-Za-z0-9_-]{24}$/);
    await checked('04-created');
    const [row] = await h.db.owner.query(`SELECT country, definition->'jurisdiction'->'languages' AS langs, convert_from(logo, 'UTF8') AS logo FROM tenants WHERE slug = 'fjordbyn'`);
    expect(row).toMatchObject({ country: 'FI', langs: ['sv', 'en'] });
    expect(row.logo).toContain('<circle');
    expect(row.logo).not.toMatch(/script|onload/);
  });

  it('its facts are edited into a new version and its logo uploaded; its pages speak Swedish and show the logo', async () => {
    // What the form filled in waits on "To confirm", like any tenant's assumed facts.
    await b.page.goto(`${b.base}/admin/t/fjordbyn/facts`);
    expect(await b.page.textContent('main')).toContain('The service');
    await b.shot('onboarding-05-to-confirm-1280');
    await b.page.goto(`${b.base}/admin/t/fjordbyn/controller`);
    await checked('05-facts');
    await b.page.fill('#c-phone', '+358 6 123 4567');
    await Promise.all([b.page.waitForURL(/done=facts-saved/), b.page.click('form.facts-form button[type="submit"]')]);
    expect(await b.page.textContent('.flash')).toContain('new version');
    expect(await b.page.locator('section[aria-labelledby="h-versions"] tbody tr').count()).toBe(2);
    await b.page.setInputFiles('#c-logo', { name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    await Promise.all([b.page.waitForURL(/done=logo-saved/), b.page.click('form[enctype="multipart/form-data"] button[type="submit"]')]);
    expect(await b.page.locator('img.logo-preview').count()).toBe(1);
    await checked('06-facts-saved');
    await b.page.goto(`${b.base}/t/fjordbyn/?lang=sv`);
    expect(await b.page.getAttribute('html', 'lang')).toBe('sv');
    expect(await b.page.locator('header img.brand-logo').count()).toBe(1);
    await checked('07-public-sv');
    await b.page.goto(`${b.base}/t/fjordbyn/request/access?lang=en`);
    expect(await b.page.getAttribute('html', 'lang')).toBe('en');
    await checked('08-request-en');
  });

  it('no new page scrolls sideways or draws text over text; nothing left the machine', () => {
    expect(failures).toEqual([]);
    expect(b.problems).toEqual([]);
    expect(b.foreign).toEqual([]);
  });
});
