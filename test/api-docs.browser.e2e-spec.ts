import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser, screenshot } from './support/browser';
import { createStaff } from './support/staff';

/**
 * The API documentation in Chromium (issue 15 §2): a developer authorizes with
 * a token from the login and runs Try-it-out on an operation with path
 * parameters; the examples the document gives fill the form and the call
 * succeeds (Swagger UI's script runs under the page's `script-src 'self'`).
 */
describe('the API documentation in Chromium', () => {
  let h: Harness;
  let b: BrowserSession;

  beforeAll(async () => {
    h = await startApi();
    await createStaff(h.db.owner, 'admin@mm.test', { tenant: 'medical-management' });
    b = await openBrowser(h, { javaScriptEnabled: true, width: 1280 });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  it('runs Try-it-out on a path with parameters, with the examples it shows, and succeeds', async () => {
    const token = await h.login('admin@mm.test');
    const { page } = b;
    await page.goto(`${b.base}/api/docs`);
    await page.waitForSelector('.swagger-ui .information-container');
    expect(await page.textContent('.swagger-ui .info')).toContain('accessToken');

    // Authorize with the bearer token.
    await page.click('.swagger-ui button.authorize');
    await page.fill('.auth-container input[type="text"], .auth-container input[type="password"]', token);
    await page.click('.auth-btn-wrapper button.authorize');
    await page.click('.auth-btn-wrapper button.btn-done, .auth-btn-wrapper button.close-modal');

    // One register of one controller: two path parameters, filled with their examples.
    const op = page.locator('#operations-registers-RegistersController_get, .opblock-get:has([data-path="/api/v1/tenants/{slug}/registers/{key}"])').first();
    await op.locator('.opblock-summary').click();
    await op.locator('button.try-out__btn').click();
    const slug = op.locator('tr[data-param-name="slug"] input');
    const key = op.locator('tr[data-param-name="key"] input');
    expect(await slug.inputValue()).toBe('medical-management');
    expect(await key.inputValue()).not.toBe('');
    await op.locator('button.execute').click();
    const status = op.locator('.live-responses-table .response .response-col_status');
    await status.first().waitFor();
    expect((await status.first().textContent())?.trim()).toBe('200');
    const url = await op.locator('.request-url pre').textContent();
    expect(url).toContain('/api/v1/tenants/medical-management/registers/');
    expect(url).not.toContain('{slug}');
    // The operation alone (the whole page is some 19,000 pixels long): its filled parameters, the call and the 200.
    await screenshot(op, 'api-docs-try-it-out');
    expect(b.foreign).toEqual([]);
  });
});
