import { ExportsService } from '@regula/exports';
import { REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { AdminClient } from './support/admin-client';
import { submitUpload } from './support/admin-upload';
import { Harness, startApi } from './support/api-harness';
import { BrowserSession, SCREENSHOTS_TAKEN, openBrowser, screenshot, signInAdmin } from './support/browser';
import { LayoutProblems, layoutProblems, repeatedCodes } from './support/layout-check';
import { confirmAllFacts, loadDemoData } from './support/demo-tenant';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';
import { TempFolders } from './support/temp-folders';

/**
 * Every dashboard page holds its shape (issue 17 §4): Debian's Chromium with
 * JavaScript off opens each page of a demo tenant (Inomedis, its demo data, a
 * request with a fulfilment preview, a breach, a retention run, a published
 * policy) as its compliance admin, the tenant list and a tenant page with the
 * switcher as a platform admin, and the sign-in page signed out, each at 1280 px
 * and at a phone's 390 px; nine pages again in Latvian, whose words are longer. A page fails when it scrolls sideways or when two of
 * its text boxes are drawn over each other (test/support/layout-check.ts says
 * what counts); the failure names the page, the width and the element. A
 * code of the schema may stand beside its words only on a register's page and
 * its edit pages (JSON and by form), in its code style (`.code-tag`); anywhere else a `<code>`
 * repeating the words before it fails the page. A
 * screenshot of every page at both widths (its first 4,000 px):
 * test-artifacts/screenshots/layout-*.png (unless REGULA_SCREENSHOTS=0, as in CI).
 *
 * The tests below visit every GET page of the controllers under
 * apps/api/src/admin; the last one fails when the API serves an admin GET route
 * that was not visited and is not in `NOT_PAGES` (downloads), so a new page
 * must join the check. The suite takes about a minute (one browser, one tab).
 */
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** A screenshot shows a page's first 4,000 px: a whole long page at a phone's width costs seconds each. */
const SHOT_MAX_HEIGHT = 4000;

/** The dashboard's GET routes that answer with a file, a script or a redirect, not a page. */
const NOT_PAGES = [
  '/admin/assets/admin.css',
  '/admin/assets/admin-lint.js',
  '/admin/t',
  '/admin/t/:slug/exports/record',
  '/admin/t/:slug/exports/description',
  '/admin/t/:slug/exports/evidence-pack',
  '/admin/t/:slug/requests/export',
  '/admin/t/:slug/audit/export',
  '/admin/t/:slug/breaches/export',
  '/admin/t/:slug/requests/:reference/evidence/:id',
  '/admin/t/:slug/requests/:reference/artifacts/:id',
  '/admin/t/:slug/requests/:reference/original',
  '/admin/t/:slug/requests/:reference/letters/:id',
  // Single sign-on: a redirect to the identity provider, and its answer's page (test/sso.browser.e2e-spec.ts signs in through them).
  '/admin/sso/start/:slug',
  '/admin/sso/callback',
];

describe('every dashboard page at 1280 px and at a phone width', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let b: BrowserSession;
  const folders = new TempFolders('regula-layout-');
  const T = '/admin/t/inomedis';
  /** Route (as the controllers declare it) → the path of the page visited for it. */
  const visited = new Map<string, string>();
  const failures: string[] = [];
  let reference: string;
  let importPreview: string;
  /** A duplicate of an open request (same address and type), for its merge page. */
  let duplicate: string;
  let historyPreview: string;

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: folders.make('uploads'), SMTP_URL: mailbox.smtpUrl });
    // One tenant's demo data, its facts confirmed as after `npm start` (so that its policy can be published).
    const ino = await loadDemoData(h, 'inomedis');
    await confirmAllFacts(h.db.owner, 'inomedis');
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'platform@regula.test', { platformAdmin: true });
    // What the detail pages need beyond the demo data: a request in progress with a preview, a breach, a retention run.
    const port = h.app.get<RequestsPort>(REQUESTS_PORT);
    const filed = await port.fileRequest(ino, { type: 'access', name: 'Anna Bērziņa', email: 'anna.berzina@example.lv', locale: 'lv', details: {} }, { ip: '198.51.100.7' });
    reference = filed.request.reference;
    await port.verifyEmail(ino, reference, await mailbox.code(h, reference), { ip: '198.51.100.7' });
    const dupOf = { type: 'access' as const, name: 'Pēteris Liepiņš', email: 'peteris.liepins@example.lv', locale: 'lv', details: {} };
    await port.fileRequest(ino, dupOf, { ip: '198.51.100.8' });
    duplicate = (await port.fileRequest(ino, dupOf, { ip: '198.51.100.8' })).request.reference;
    const c = new AdminClient(h);
    await c.login('admin@ino.test');
    const req = `${T}/requests/${reference}`;
    if ((await c.get(req)).text.includes(`${req}/identity-confirm"`)) await c.submit(req, `${req}/identity-confirm`, { note: 'Signed request checked.' });
    const preview = await c.submit(req, `${req}/fulfil-preview`, { withheld: '' });
    expect(preview.headers.location).toMatch(/\/previews\/[0-9a-f-]{36}$/);
    const breach = await c.submit(`${T}/breaches/new`, `${T}/breaches`, {
      title: 'Lost laptop with client files', awareAt: '2026-01-05T09:30', occurredAt: '', nature: 'A staff laptop with unencrypted client files was stolen from a car.',
      dataCategories: 'Identification and contact data\nTreatment history', subjectCategories: 'Clients', approxSubjects: '120', approxRecords: '1 500',
      likelyConsequences: '', measures: 'Passwords changed; police informed.', dpoContact: '', risk: '', riskReasoning: '',
    });
    expect(breach.status).toBe(303);
    expect((await c.submit(`${T}/retention`, `${T}/retention/runs`, {})).status).toBe(303);
    // A record import waiting for its confirmation: the tenant's own CSV export, uploaded.
    const csv = await h.app.get(ExportsService).record(ino, 'csv', {}, { userId: null, label: 'test' });
    const held = await submitUpload(h, c, `${T}/record-import`, `${T}/record-import`, {}, { field: 'file', name: 'record.csv', body: csv.body });
    expect(held.headers.location).toMatch(/\/record-import\/[0-9a-f]{64}$/);
    importPreview = held.headers.location;
    // Past requests waiting for their confirmation: a file with the requests list's columns, uploaded.
    const past = ['Reference,Received,Channel,Type,Identity check,Identity confirmed,State,Handler,Due date,Extended,Extended on,Answered,On time',
      'R-HXST-2345,2025-03-04 09:15,E-mail,Access,E-mail code,2025-03-04 10:00,Completed,,,No,,2025-03-20 16:00,Yes',
      ',2025-05-02 11:00,Post,Erasure,E-mail code,,Refused,,,Yes,2025-05-20 12:00,2025-07-15 12:00,'].join('\r\n');
    const history = await submitUpload(h, c, `${T}/request-history`, `${T}/request-history`, {}, { field: 'file', name: 'past-requests.csv', body: Buffer.from(past) });
    expect(history.headers.location).toMatch(/\/request-history\/[0-9a-f]{64}$/);
    historyPreview = history.headers.location;
    b = await openBrowser(h, { width: 1280, expectedErrorStatuses: [] });
  }, 180_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
    await mailbox?.close();
    folders.removeAll();
  });

  /** Checks the page shown at both widths; records a failure naming the page, the width and the elements. */
  async function check(route: string, shot: string): Promise<void> {
    const at = new URL(b.page.url()).pathname;
    visited.set(route, at);
    // A code beside its words only on a register's page and its edit page, and there set apart as code.
    const registerPage = ['/admin/t/:slug/registers/:key', '/admin/t/:slug/registers/:key/edit', '/admin/t/:slug/registers/:key/sections', '/admin/t/:slug/registers/:key/sections/:section'].includes(route);
    for (const r of await repeatedCodes(b.page, registerPage)) failures.push(`${at}: a code repeats its words: ${r}`);
    for (const w of WIDTHS) {
      await b.page.setViewportSize({ width: w.width, height: w.height });
      const found: LayoutProblems = await layoutProblems(b.page);
      if (found.overflow) failures.push(`${at} at ${w.width} px scrolls sideways (${found.overflow.scrollWidth} px in ${found.overflow.clientWidth}): ${found.overflow.elements.join('; ')}`);
      for (const o of found.overlaps) failures.push(`${at} at ${w.width} px: ${o}`);
      if (!SCREENSHOTS_TAKEN) continue; // nor the page's height it is cut to
      const height = Math.min(SHOT_MAX_HEIGHT, await b.page.evaluate<number>('document.documentElement.scrollHeight'));
      await screenshot(b.page, `layout-${shot}-${w.name}`, { fullPage: true, clip: { x: 0, y: 0, width: w.width, height } });
    }
    await b.page.setViewportSize({ width: WIDTHS[0].width, height: WIDTHS[0].height });
  }

  async function visit(route: string, url: string, shot: string): Promise<void> {
    const res = await b.page.goto(`${b.base}${url}`);
    // Recorded rather than thrown, so that one run reports every page.
    if (res!.status() !== 200) failures.push(`${url} answered ${res!.status()}`);
    else await check(route, shot);
  }

  /** The path of the first link on the current page whose path matches `pattern`. */
  async function firstLink(pattern: RegExp): Promise<string> {
    const hrefs = await b.page.evaluate<string[]>(`[...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href'))`);
    const href = hrefs.map((x) => x.split('?')[0]).find((x) => pattern.test(x));
    if (!href) throw new Error(`${b.page.url()}: no link matching ${pattern}`);
    return href;
  }

  it('the check finds text drawn over text and a page too wide, and not what is hidden or clipped on purpose', async () => {
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.setContent(`<body style="margin:0;font:16px sans-serif">
      <p id="a" style="margin:0">Retention category name</p><p id="b" style="margin:-1.2em 0 0 3em">Rule text</p>
      <p style="visibility:hidden;margin:-1.2em 0 0">Hidden words</p>
      <details><summary>Closed</summary><p style="margin-top:-2em">Inside a closed details</p></details>
      <span class="visually-hidden" style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">Clipped words Clipped words</span>
      <div style="overflow-x:auto"><table><tr><td style="white-space:nowrap">A table wider than a phone, scrolling in its own box, with words</td></tr></table></div>
      <p>Line one<br>Line two</p></body>`);
    const found = await layoutProblems(b.page);
    expect(found.overlaps).toEqual([expect.stringMatching(/^(p#a "Retention category name" overlaps p#b "Rule text"|p#b "Rule text" overlaps p#a "Retention category name") \(\d+x\d+ px\)$/)]);
    expect(found.overflow).toBeNull();
    await b.page.setContent('<body style="margin:0"><p style="width:600px">Too wide for a phone</p></body>');
    expect((await layoutProblems(b.page)).overflow).toEqual({ scrollWidth: 600, clientWidth: 390, elements: ['p "Too wide for a phone"'] });
    await b.page.setContent('<main><p>DPIA: not required <code>not-required</code></p><p>Clients (client <code>client</code>)</p><p>Kind: client <small class="code-tag"><code>client</code></small></p><p>Action <code>login</code></p></main>');
    expect(await repeatedCodes(b.page, true)).toEqual([expect.stringMatching(/^not required after "DPIA: not required"$/), expect.stringMatching(/^client after "Clients \(client"$/)]);
    expect(await repeatedCodes(b.page, false)).toHaveLength(3);
    await b.page.setViewportSize({ width: WIDTHS[0].width, height: WIDTHS[0].height });
  });

  it('signed out: the sign-in page', async () => {
    await visit('/admin/login', '/admin/login', 'login');
  });

  it("the compliance admin's pages", async () => {
    await signInAdmin(b, 'admin@ino.test', T);
    await check('/admin/t/:slug', 'home');
    await visit('/admin/account/password', '/admin/account/password', 'password');

    await visit('/admin/t/:slug/requests', `${T}/requests`, 'requests');
    await visit('/admin/t/:slug/requests/new', `${T}/requests/new`, 'request-record');
    await visit('/admin/t/:slug/requests/:reference', `${T}/requests/${reference}`, 'request');
    await visit('/admin/t/:slug/requests/:reference/previews/:id', await firstLink(/\/previews\/[0-9a-f-]{36}$/), 'request-preview');
    await visit('/admin/t/:slug/requests/:reference/merge', `${T}/requests/${duplicate}/merge`, 'request-merge');

    await visit('/admin/t/:slug/registers', `${T}/registers`, 'registers');
    const register = await firstLink(new RegExp(`^${T}/registers/(?!new$)[a-z0-9-]+$`));
    await visit('/admin/t/:slug/registers/:key', register, 'register');
    await visit('/admin/t/:slug/registers/:key/edit', `${register}/edit`, 'register-edit');
    await visit('/admin/t/:slug/registers/:key/history', `${register}/history`, 'register-history');
    // The register by form: its sections, the longest section (purposes with their legal bases), retiring, a new register.
    await visit('/admin/t/:slug/registers/:key/sections', `${register}/sections`, 'register-sections');
    await visit('/admin/t/:slug/registers/:key/sections/:section', `${register}/sections/purposes`, 'register-section-purposes');
    await visit('/admin/t/:slug/registers/:key/retire', `${register}/retire`, 'register-retire');
    await visit('/admin/t/:slug/registers/new', `${T}/registers/new`, 'register-new');
    await visit('/admin/t/:slug/facts', `${T}/facts`, 'facts');

    await visit('/admin/t/:slug/policies', `${T}/policies`, 'policies');
    // A draft, its review (a POST's answer) and, once published, the versions and their difference.
    await Promise.all([b.page.waitForURL(/done=policy-drafted/), b.page.click(`form[action="${T}/policies/drafts"] button[type="submit"]`)]);
    await check('/admin/t/:slug/policies', 'policies-draft');
    await visit('/admin/t/:slug/policies/draft', `${T}/policies/draft`, 'policy-draft');
    await b.page.goto(`${b.base}${T}/policies`);
    for (const area of await b.page.locator('textarea[name^="summary_"]').all()) await area.fill('First published version of the privacy policy.');
    await b.page.check('input[name="material"][value="no"]');
    await Promise.all([b.page.waitForURL(/\/policies\/review$/), b.page.click(`form[action="${T}/policies/review"] button[type="submit"]`)]);
    await check('POST /admin/t/:slug/policies/review', 'policy-review');
    await Promise.all([b.page.waitForURL(/done=/), b.page.click('form[aria-labelledby="h-confirm"] button[type="submit"]')]);
    await check('/admin/t/:slug/policies', 'policies-published');
    await visit('/admin/t/:slug/policies/diff', `${T}/policies/diff`, 'policy-diff');

    await visit('/admin/t/:slug/audit', `${T}/audit`, 'audit');
    await visit('/admin/t/:slug/audit/:seq', await firstLink(new RegExp(`^${T}/audit/\\d+$`)), 'audit-entry');
    await visit('/admin/t/:slug/exports', `${T}/exports`, 'exports');
    await visit('/admin/t/:slug/record-import', `${T}/record-import`, 'record-import');
    await visit('/admin/t/:slug/record-import/:sha256', importPreview, 'record-import-preview');
    await visit('/admin/t/:slug/request-history', `${T}/request-history`, 'request-history');
    await visit('/admin/t/:slug/request-history/:sha256', historyPreview, 'request-history-preview');
    await visit('/admin/t/:slug/controller', `${T}/controller`, 'controller');
    await visit('/admin/t/:slug/users', `${T}/users`, 'users');
    await visit('/admin/t/:slug/users/:userId', await firstLink(new RegExp(`^${T}/users/[0-9a-f-]{36}$`)), 'user');
    await visit('/admin/t/:slug/sso', `${T}/sso`, 'sso');
    await visit('/admin/t/:slug/retention', `${T}/retention`, 'retention');
    await visit('/admin/t/:slug/retention/runs/:id', await firstLink(/\/retention\/runs\/[0-9a-f-]{36}$/), 'retention-run');
    await visit('/admin/t/:slug/consents', `${T}/consents`, 'consents');
    await visit('/admin/t/:slug/disclosures', `${T}/disclosures`, 'disclosures');
    await visit('/admin/t/:slug/breaches', `${T}/breaches`, 'breaches');
    const breach = await firstLink(new RegExp(`^${T}/breaches/[0-9a-f-]{36}$`));
    await visit('/admin/t/:slug/breaches/new', `${T}/breaches/new`, 'breach-new');
    await visit('/admin/t/:slug/breaches/:id', breach, 'breach');
    await visit('/admin/t/:slug/outbox', `${T}/outbox`, 'outbox');
    await visit('/admin/t/:slug/outbox/:id', await firstLink(new RegExp(`^${T}/outbox/[0-9a-f-]{36}$`)), 'email');
  }, 180_000);

  it('in Latvian, whose words are longer: the menu, the filters and forms, the request and the schedule', async () => {
    const pages: [route: string, url: string, shot: string][] = [
      ['/admin/t/:slug', T, 'home'],
      ['/admin/t/:slug/requests', `${T}/requests`, 'requests'],
      ['/admin/t/:slug/requests/:reference', `${T}/requests/${reference}`, 'request'],
      ['/admin/t/:slug/retention', `${T}/retention`, 'retention'],
      ['/admin/t/:slug/exports', `${T}/exports`, 'exports'],
      ['/admin/t/:slug/consents', `${T}/consents`, 'consents'],
      ['/admin/t/:slug/registers/:key/sections/:section', `${T}/registers/clients/sections/retention`, 'register-section-retention'],
      ['/admin/t/:slug/controller', `${T}/controller`, 'controller'],
      ['/admin/t/:slug/request-history/:sha256', historyPreview, 'request-history-preview'],
    ];
    for (const [route, url, shot] of pages) await visit(route, `${url}?lang=lv`, `lv-${shot}`);
    await b.page.goto(`${b.base}${T}?lang=en`);
  });

  it('the platform admin: the tenant list, and a tenant page with the switcher', async () => {
    await b.page.click('.logout button');
    await b.page.waitForURL(/\/admin\/login$/);
    await signInAdmin(b, 'platform@regula.test', '/admin');
    await check('/admin', 'tenants');
    await visit('/admin/t/:slug', T, 'home-platform-admin');
    await visit('/admin/platform/tenants/new', '/admin/platform/tenants/new', 'platform-tenant-new');
    expect(await b.page.locator('#tenant-switch').count()).toBe(1);
  });

  it('no page scrolls sideways or draws text over text', () => {
    expect(failures).toEqual([]);
  });

  it('visited every page the dashboard serves', () => {
    const routes = dashboardGetRoutes(h).filter((r) => !NOT_PAGES.includes(r));
    expect(routes.filter((r) => !visited.has(r))).toEqual([]);
    expect(b.problems).toEqual([]);
    expect(b.foreign).toEqual([]);
  });
});

/** The GET routes under /admin the API serves (Express's router, as Nest registered them). */
function dashboardGetRoutes(h: Harness): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const app = h.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  return app.router.stack
    .filter((l) => l.route?.methods.get && l.route.path.startsWith('/admin'))
    .map((l) => l.route!.path.replace(/\/$/, ''));
}
