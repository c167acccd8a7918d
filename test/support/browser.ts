import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserContext, Locator, Page, chromium } from 'playwright-core';
import { DEMO_PASSWORD, Harness } from './api-harness';

/** Debian's Chromium, driven by playwright-core (`npx playwright install` cannot download here). */
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots every browser test keeps, as test artifacts. */
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');
/**
 * Whether the screenshots are taken: they are for a person to open, and a full-page one costs
 * Chromium about 0.4 s of CPU (measured over 51; some 250 in a run, so about a minute of the run's
 * 2 cores, reckoned). Taken unless
 * REGULA_SCREENSHOTS=0, which `.ci/run` sets: nobody opens a CI machine's files. What the tests
 * assert is the same either way.
 */
export const SCREENSHOTS_TAKEN = process.env.REGULA_SCREENSHOTS !== '0';

/** A screenshot of a page or an element into test-artifacts/screenshots/<name>.png, when SCREENSHOTS_TAKEN. */
export async function screenshot(target: Page | Locator, name: string, options: { fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {}): Promise<void> {
  if (!SCREENSHOTS_TAKEN) return;
  await target.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), ...options });
}

export interface BrowserSession {
  base: string;
  ctx: BrowserContext;
  page: Page;
  /** Requests to anything but the API under test (there must be none: no third-party resources). */
  foreign: string[];
  /** Console errors and page errors other than the expected "failed to load" of error pages. */
  problems: string[];
  /** A full-page screenshot into test-artifacts/screenshots/<name>.png (unless SCREENSHOTS_TAKEN is false). */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves the harness's API on a free loopback port and opens headless
 * Chromium on it, JavaScript off by default (the pages must work without it).
 * `port`: the port to serve on (a test that registered its URL elsewhere first); any free one by default.
 * `expectedErrorStatuses`: the HTTP statuses whose "Failed to load resource"
 * console errors are expected (the error pages a test visits on purpose).
 */
export async function openBrowser(
  h: Harness,
  opts: { javaScriptEnabled?: boolean; width?: number; expectedErrorStatuses?: number[]; port?: number } = {},
): Promise<BrowserSession> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const profile = mkdtempSync(path.join(tmpdir(), 'regula-chromium-'));
  await h.app.listen(opts.port ?? 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(h.app.getHttpServer().address() as AddressInfo).port}`;
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: opts.width ?? 1100, height: 900 },
    javaScriptEnabled: opts.javaScriptEnabled ?? false,
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const foreign: string[] = [];
  const problems: string[] = [];
  const expected = new RegExp(`^Failed to load resource: the server responded with a status of (${(opts.expectedErrorStatuses ?? [400, 404, 429]).join('|')})`);
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) foreign.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return {
    base,
    ctx,
    page,
    foreign,
    problems,
    shot: (name) => screenshot(page, name, { fullPage: true }),
    close: async () => {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Presses Tab until the focused element matches `selector`, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`!!document.activeElement && document.activeElement.matches(${JSON.stringify(selector)})`)) return;
  }
  throw new Error(`no focusable element matching ${selector} within ${max} tabs`);
}

/** The focused element's outline and box shadow, e.g. "solid 3px ...". */
export function focusRing(page: Page): Promise<string> {
  // A string: the tests are compiled without the DOM library.
  return page.evaluate<string>('(() => { const s = getComputedStyle(document.activeElement); return `${s.outlineStyle} ${s.outlineWidth} ${s.boxShadow}`; })()');
}

/**
 * Signs a staff member in through the login form (no script: the form posts and
 * the browser follows the redirect) and waits until `next` (a path) is shown.
 */
export async function signInAdmin(b: Pick<BrowserSession, 'base' | 'page'>, email: string, next: string, password = DEMO_PASSWORD): Promise<void> {
  await b.page.goto(`${b.base}/admin/login?next=${encodeURIComponent(next)}`);
  await b.page.fill('#f-email', email);
  await b.page.fill('#f-password', password);
  await Promise.all([b.page.waitForURL((u) => u.pathname === next), b.page.press('#f-password', 'Enter')]);
}
