import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, signInAdmin } from './support/browser';
import { createStaff } from './support/staff';

/**
 * A register by form in Debian's Chromium with JavaScript off (issue 17 §2):
 * Micromedic's compliance admin creates a register from the accounting
 * template, opens its sections, saves a purpose without its data categories
 * (refused, the finding beside the field), adds a recipient named only
 * "Partners" (saved, the finding beside the name, refusing publishing), reads a
 * section in Swedish, and retires the register with a reason. Screenshots:
 * test-artifacts/screenshots/register-forms-*.png.
 */
describe('a register by form in Chromium, JavaScript off', () => {
  let h: Harness;
  let b: BrowserSession;
  const T = '/admin/t/micromedic/registers';

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@micromedic.test', { tenant: 'micromedic' });
    b = await openBrowser(h, { width: 1200, expectedErrorStatuses: [422] });
    await signInAdmin(b, 'admin@micromedic.test', T);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  const click = (selector: string) => Promise.all([b.page.waitForLoadState('load'), b.page.waitForNavigation(), b.page.click(selector)]);

  it('creates a register from the accounting template', async () => {
    await click(`a[href="${T}/new"]`);
    expect(await b.page.textContent('h1')).toBe('New register');
    await b.page.fill('#n-key', 'bookkeeping');
    await b.page.check('#t-accounting');
    await b.shot('register-forms-01-new');
    await click('form.register-form button[type="submit"]');
    expect(new URL(b.page.url()).pathname).toBe(`${T}/bookkeeping/sections`);
    expect(await b.page.textContent('.flash')).toContain('The register was created as version 1.');
    expect(await b.page.locator('.section-list li').count()).toBe(12);
    await b.shot('register-forms-02-sections');
  });

  it('a purpose without its data categories is refused, the finding beside the field', async () => {
    await click(`a[href="${T}/bookkeeping/sections/purposes"]`);
    await b.shot('register-forms-03-purposes');
    for (const box of await b.page.locator('#f-i-0-categories input[type="checkbox"]:checked').all()) await box.uncheck();
    await click('form.register-form button[type="submit"]');
    expect(await b.page.title()).toMatch(/^Error: /);
    expect(await b.page.textContent('.error-summary')).toContain('Nothing was saved');
    expect(await b.page.textContent('#f-i-0-categories .field-findings')).toContain('empty-section');
    expect(await b.page.isChecked('#f-i-0-categories input[type="checkbox"]')).toBe(false);
    await b.shot('register-forms-04-refused');
  });

  it('a recipient named only "Partners" is saved, the finding beside its name', async () => {
    await b.page.goto(`${b.base}${T}/bookkeeping/sections/recipients`);
    await b.page.selectOption('#f-i-1-kind', 'controller');
    await b.page.fill('#f-i-1-name-en', 'Partners');
    await b.page.fill('#f-i-1-name-sv', 'Partner');
    await click('form.register-form button[type="submit"]');
    expect(b.page.url()).toMatch(/sections\/recipients\?done=register-saved$/);
    expect(await b.page.textContent('#f-i-1-name .field-findings')).toMatch(/refuses publishing.*recipient-vague/s);
    await b.shot('register-forms-05-recipients');
    await b.page.goto(`${b.base}${T}/bookkeeping/sections/retention?lang=sv`);
    expect(await b.page.textContent('#h-section-nav + ul a[aria-current="page"]')).toBe('Lagringsregler');
    await b.shot('register-forms-06-retention-sv');
    await b.page.goto(`${b.base}${T}/bookkeeping/sections/retention?lang=en`);
  });

  it('retires the register with a reason, after saying what will happen', async () => {
    await b.page.goto(`${b.base}${T}/bookkeeping`);
    await click(`a[href="${T}/bookkeeping/retire"]`);
    expect(await b.page.textContent('#h-what + ul')).toContain('Its 2 versions stay in the history');
    await b.shot('register-forms-07-retire');
    await b.page.fill('#r-reason', 'Bookkeeping is outsourced; the firm keeps this record.');
    await click('form.action-form button[type="submit"]');
    expect(new URL(b.page.url()).pathname).toBe(`${T}/bookkeeping`);
    expect(await b.page.textContent('dl.facts')).toContain('Bookkeeping is outsourced');
    await b.shot('register-forms-08-retired');
    expect(b.problems).toEqual([]);
    expect(b.foreign).toEqual([]);
  });
});
