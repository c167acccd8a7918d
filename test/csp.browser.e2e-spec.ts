import { Harness, startApi } from './support/api-harness';
import { BrowserSession, openBrowser } from './support/browser';

/**
 * No page of the API's origin lets an inline script run (issue 12, item 10):
 * every kind of response sends a policy whose script-src has no
 * 'unsafe-inline', and the OpenAPI page, whose interface is all script, still
 * works in Chromium under it. (The queue board: queues-board.e2e-spec.ts; the
 * register editor's live findings: admin-registers-policies.browser.e2e-spec.ts.)
 */
describe('content security policy: no inline scripts', () => {
  let h: Harness;
  let b: BrowserSession;

  beforeAll(async () => {
    h = await startApi();
    b = await openBrowser(h, { javaScriptEnabled: true });
  }, 120_000);
  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  const scriptSources = (csp: string | undefined) => {
    const directive = /(?:^|;\s*)script-src ([^;]*)/.exec(csp ?? '') ?? /(?:^|;\s*)default-src ([^;]*)/.exec(csp ?? '');
    return directive ? directive[1] : '(none)';
  };

  it('sends no unsafe-inline for scripts, on every kind of response', async () => {
    const paths = ['/health', '/api/docs/', '/api/docs/openapi.json', '/admin/login', '/admin/queues/login', '/t/inomedis/', '/t/inomedis/request/access', '/t/inomedis/privacy', '/api/v1/nope'];
    for (const path of paths) {
      const res = await h.http().get(path);
      const sources = scriptSources(res.headers['content-security-policy']);
      expect({ path, csp: !!res.headers['content-security-policy'], inline: /unsafe-inline|unsafe-eval/.test(sources) }).toEqual({ path, csp: true, inline: false });
    }
  });

  it('the OpenAPI page still works in Chromium: its scripts render the operations, no policy violation', async () => {
    const violations: string[] = [];
    b.page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const res = await b.page.goto(`${b.base}/api/docs/`);
    expect(scriptSources(res!.headers()['content-security-policy'])).toBe("'self'");
    await b.page.getByText('Regula API').first().waitFor({ timeout: 15_000 });
    await b.page.locator('.opblock-summary-path', { hasText: '/api/v1/auth/login' }).first().waitFor({ timeout: 15_000 });
    // An interactive part: opening an operation shows its details.
    await b.page.locator('.opblock-summary', { hasText: '/api/v1/auth/login' }).first().click();
    await b.page.locator('.opblock-body').first().waitFor({ timeout: 15_000 });
    await b.shot('csp-openapi');
    // An inline script of our own does not run (the policy is enforced, not only sent).
    const ran = await b.page.evaluate<boolean>(
      "(() => { window.__inline = false; const s = document.createElement('script'); s.textContent = 'window.__inline = true'; document.body.appendChild(s); return window.__inline; })()",
    );
    expect(ran).toBe(false);
    expect(violations.length).toBe(1); // the refused test script above, nothing of the page's own
    expect(b.foreign).toEqual([]);
  });
});
