import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { BrowserSession, openBrowser } from './support/browser';
import { DEMO_PASSWORD, Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';
import { tamperAuditEntry } from './support/audit-tamper';

/**
 * The audit log, users and permissions and the home charts in Debian's
 * Chromium with JavaScript off: the admin signs in, sees the charts, reads the
 * audit log (chain intact), filters it, opens an entry, lists the members,
 * invites an auditor (a refused write permission first), and the auditor
 * signs in with the one-time password shown and replaces it; a tampered entry turns the
 * verdict red. Screenshots: test-artifacts/screenshots/admin-{home,audit,users}-*.png.
 */
describe('admin dashboard in Chromium: audit log, users, charts', () => {
  let h: Harness;
  let b: BrowserSession;
  let page: Page;
  let tenantId: string;
  const now = new Date();
  const at = (monthOffset: number, day: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthOffset, day, 12));

  async function request(type: string, state: string, receivedAt: Date, closedAt: Date | null): Promise<void> {
    await h.db.owner.query(
      `INSERT INTO rights_requests (tenant_id, reference, type, state, requester_email, requester_name, locale, received_at, due_at, due_date, first_due_at, identity_method, status_token_hash, closed_at)
       VALUES ($1, $2, $3, $4, $5, 'Chart Subject', 'en', $6, $7::timestamptz, ($7::timestamptz)::date, $7::timestamptz, 'email-link', $8, $9)`,
      [tenantId, `R-SHOT-${randomBytes(2).toString('hex').toUpperCase()}`, type, state, `shot.${randomBytes(3).toString('hex')}@example.test`, receivedAt, new Date(receivedAt.getTime() + 30 * 86_400_000), randomBytes(32).toString('hex'), closedAt],
    );
  }

  beforeAll(async () => {
    h = await startApi();
    [{ id: tenantId }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
    await createStaff(h.db.owner, 'admin@inomedis.test', { tenant: 'inomedis' });
    await createStaff(h.db.owner, 'auditor@inomedis.test', { tenant: 'inomedis', role: 'auditor', accessUntil: at(6, 1) });
    const types = ['access', 'erasure', 'rectification', 'portability', 'objection-direct-marketing', 'consent-withdrawal'];
    for (let m = -11; m <= -1; m++) {
      for (let i = 0; i < (((m + 12) * 7) % 5) + 1; i++) {
        const received = at(m, 2 + i);
        await request(types[(i - m) % types.length], 'completed', received, new Date(received.getTime() + (8 + ((i * 11 + (m + 12) * 5) % 30)) * 86_400_000));
      }
      const [{ id }] = await h.db.owner.query(
        `INSERT INTO retention_runs (tenant_id, trigger, requested_by, status, cutoff, started_at, finished_at) VALUES ($1, 'schedule', 'test', 'completed', $2, $2, $2) RETURNING id`,
        [tenantId, at(m, 20)],
      );
      await h.db.owner.query(`INSERT INTO retention_run_counts (run_id, tenant_id, register_key, category_id, erased) VALUES ($1, $2, 'customers', 'contact', $3)`, [id, tenantId, (m * m) % 17 + 3]);
    }
    b = await openBrowser(h, { width: 1200 });
    page = b.page;
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await h?.close();
  });

  async function signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto(`${b.base}/admin/login`);
    await page.fill('#f-email', email);
    await page.fill('#f-password', password);
    await Promise.all([page.waitForURL(/\/admin\/t\/inomedis$/), page.click('main button[type="submit"]')]);
  }

  it('signs in and sees the charts on the home page: SVG with title and desc, figures in a table', async () => {
    await signIn('admin@inomedis.test');
    expect(await page.locator('svg#chart-requests').count()).toBe(1);
    expect(await page.getAttribute('svg#chart-requests', 'role')).toBe('img');
    expect(await page.textContent('#chart-requests-title')).toBe('Requests received per month, by type');
    expect(await page.locator('svg.chart').count()).toBe(4);
    expect(await page.locator('#chart-on-time-table tbody tr').count()).toBe(12);
    const box = await page.locator('svg#chart-requests').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    await b.shot('admin-home-01-charts');
  });

  it('reads the audit log with the chain verified at the top, filters it and opens an entry', async () => {
    await page.click('nav.admin-nav a:text-is("Audit log")');
    expect(await page.textContent('h1')).toBe('Audit log');
    expect(await page.textContent('#chain')).toMatch(/Chain intact: \d+ entries verified up to #\d+ at/);
    await b.shot('admin-audit-01-log');
    // In words: actors by name, actions by their label, no id anywhere in the page's text.
    expect(await page.locator('.audit-table td.action').allTextContents()).toContain('Signed in');
    expect(await page.textContent('main')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    await page.selectOption('#f-action', { label: 'Signed in' });
    await Promise.all([page.waitForURL(/action=auth\.login/), page.click('.audit-filters button[type="submit"]')]);
    const actions = await page.locator('.audit-table td.action').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['Signed in']));
    await b.shot('admin-audit-02-filtered');
    await page.click('.audit-table tbody tr:first-child th a');
    await page.waitForURL(/\/audit\/\d+$/);
    expect(await page.textContent('h1')).toMatch(/^Audit entry #\d+$/);
    expect(await page.textContent('#check-hash')).toBe("The hash matches the entry's content.");
    expect((await page.textContent('#entry-hash'))!.trim()).toMatch(/^[0-9a-f]{64}$/);
    await b.shot('admin-audit-03-entry');
  });

  let password: string;

  it('lists the members and invites an auditor: a write permission is refused by name, then the one-time password is shown', async () => {
    await page.click('nav.admin-nav a:text-is("Users")');
    expect(await page.textContent('h1')).toBe('Users and permissions');
    expect(await page.locator('table.members tbody tr').count()).toBe(2);
    await b.shot('admin-users-01-list');

    await page.fill('#invite-email', 'external.auditor@inomedis.test');
    await page.check('#invite-role-auditor');
    await page.check('#invite-gate-audit-read');
    await page.check('#invite-gate-requests-write');
    await page.fill('#invite-until', at(2, 1).toISOString().slice(0, 10));
    await page.click('#invite button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^Error:/);
    expect(await page.textContent('.error-summary')).toContain('Auditors are read-only: these permissions cannot be given to them: Act on rights requests.');
    expect(await page.inputValue('#invite-email')).toBe('external.auditor@inomedis.test');
    await b.shot('admin-users-02-invite-error');

    await page.uncheck('#invite-gate-requests-write');
    await page.fill('#invite-until', at(2, 1).toISOString().slice(0, 10));
    await page.click('#invite button[type="submit"]');
    await page.waitForSelector('#one-time-password');
    expect(await page.textContent('h1')).toBe('Member invited');
    password = (await page.textContent('#one-time-password'))!.trim();
    expect(password).toHaveLength(24);
    await b.shot('admin-users-03-invited');

    await page.click('a:text-is("Open the member\'s page")');
    expect(await page.textContent('#member-role')).toBe('auditor, read only');
    expect(await page.textContent('#member-permissions')).toContain('Read the audit log');
    expect(await page.textContent('#member-permissions')).not.toContain('Act on rights requests');
    await b.shot('admin-users-04-member');
  });

  it('the invited auditor signs in with the shown password, must replace it first, then sees only the allowed pages', async () => {
    await page.click('.logout button');
    await page.waitForURL(/\/admin\/login$/);
    await page.fill('#f-email', 'external.auditor@inomedis.test');
    await page.fill('#f-password', password);
    await Promise.all([page.waitForURL(/\/admin\/account\/password$/), page.click('main button[type="submit"]')]);
    expect(await page.textContent('#password-required')).toContain('one-time password');
    await page.fill('#f-current', password);
    await page.fill('#f-new', 'the external auditor passphrase');
    await page.fill('#f-confirm', 'the external auditor passphrase');
    await Promise.all([page.waitForURL(/done=password$/), page.click('main button[type="submit"]')]);
    await page.goto(`${b.base}/admin/t/inomedis`);
    const nav = await page.locator('nav.admin-nav a').allTextContents();
    expect(nav).toContain('Audit log');
    expect(nav).not.toContain('Rights requests');
    // An auditor's menu: no Users, no Outbox; their pages refuse the auditor.
    expect(nav).not.toContain('Users');
    expect(nav).not.toContain('Outbox');
    await b.shot('admin-users-05-auditor-home');
    const res = await page.goto(`${b.base}/admin/t/inomedis/requests`);
    expect(res!.status()).toBe(403);
    for (const path of ['users', 'outbox']) expect((await page.goto(`${b.base}/admin/t/inomedis/${path}`))!.status()).toBe(403);
    // The audit log as the auditor reads it, in Latvian: labels, names and references, no id.
    await page.goto(`${b.base}/admin/t/inomedis/audit?lang=lv`);
    expect(await page.textContent('h1')).toBe('Audita žurnāls');
    const actions = await page.locator('.audit-table td.action').allTextContents();
    expect(actions).toContain('Pievienots dalībnieks');
    expect(actions.join(' ')).not.toMatch(/\b[a-z]+\.[a-z-]+\b/);
    expect(await page.textContent('main')).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    await b.shot('admin-audit-06-auditor-lv');
    await page.goto(`${b.base}/admin/t/inomedis/audit?lang=en`);
    // An auditor without gates: every page an auditor reads, still no Users and no Outbox.
    await page.click('.logout button');
    await page.waitForURL(/\/admin\/login$/);
    await signIn('auditor@inomedis.test');
    const full = await page.locator('nav.admin-nav a').allTextContents();
    for (const label of ['Rights requests', 'Breaches', 'Registers', 'Audit log', 'Exports']) expect(full).toContain(label);
    expect(full).not.toContain('Users');
    expect(full).not.toContain('Outbox');
    await b.shot('admin-audit-07-auditor-menu');
  });

  it('a tampered entry turns the verdict red, naming the entry and why', async () => {
    await tamperAuditEntry(h.db.owner, tenantId, 2, `actor = 'someone else'`);
    await page.goto(`${b.base}/admin/t/inomedis/audit`);
    expect(await page.getAttribute('#chain', 'role')).toBe('alert');
    expect(await page.textContent('#chain')).toContain('BROKEN at entry #2: its content no longer matches its hash');
    await b.shot('admin-audit-04-broken');
    await page.click('#chain a');
    expect(await page.textContent('#check-hash')).toContain('does NOT match');
    await b.shot('admin-audit-05-broken-entry');
  });

  it('loaded nothing from other origins and logged no errors (no CSP violations)', () => {
    expect(b.foreign).toEqual([]);
    expect(b.problems.filter((p) => !/status of 403/.test(p))).toEqual([]);
  });
});
