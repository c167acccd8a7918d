import { execFileSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { signedInAdmin, startDashboardApi } from './support/admin-session';

const HOUR = 3_600_000;
/** A `datetime-local` value in Riga time (Inomedis), `hours` ago. */
function rigaLocal(hoursAgo: number): string {
  const p = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(Date.now() - hoursAgo * HOUR));
  const v = (t: string) => p.find((x) => x.type === t)!.value;
  return `${v('year')}-${v('month')}-${v('day')}T${v('hour')}:${v('minute')}`;
}

/**
 * The dashboard's breach register and outbox on real PostgreSQL and Redis:
 * recording a breach (Art. 33(3) fields) starts the 72-hour clock shown in
 * hours and minutes; a late one is flagged and refuses the authority's
 * notification without reasons; the Art. 34(3) and closing rules come back on
 * the page as the API words them; every change is audited; auditors read
 * without forms (403 on POSTs, nothing changed); another tenant's breach or
 * e-mail 404. The outbox lists e-mails newest first with the recipient masked
 * and shows one e-mail's text and its sanitised HTML.
 */
describe('admin dashboard: breaches and outbox', () => {
  let h: Harness;
  let ino: string;
  let micro: string;
  const q = (sql: string, params: unknown[] = []) => h.db.owner.query(sql, params);
  const admin = (email?: string) => signedInAdmin(h, email);
  const binary = (path: string, c: AdminClient) =>
    h.http().get(path).set('Cookie', [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ')).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (x: Buffer) => chunks.push(x));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  const list = '/admin/t/inomedis/breaches';
  const facts = (over: Record<string, string> = {}) => ({
    title: 'Lost laptop with client files',
    awareAt: rigaLocal(0),
    occurredAt: '',
    nature: 'A staff laptop with unencrypted client files was stolen from a car.',
    dataCategories: 'Identification and contact data\nTreatment history',
    subjectCategories: 'Clients',
    approxSubjects: '120',
    approxRecords: '1 500',
    likelyConsequences: '',
    measures: 'Passwords changed; police informed.',
    dpoContact: '',
    risk: '',
    riskReasoning: '',
    ...over,
  });
  const audits = async (id: string): Promise<string[]> => (await q(`SELECT action FROM audit_log WHERE target_type = 'breach' AND target_id = $1 ORDER BY seq`, [id])).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    ({ h, ino, micro } = await startDashboardApi());
  });
  afterAll(async () => {
    await h?.close();
  });

  let fresh: string;
  let late: string;

  it('records a breach from the form: the clock shows about 72 hours left, in hours and minutes; recorded and audited', async () => {
    const c = await admin();
    const register = await c.get(list);
    expect(register.status).toBe(200);
    expect(register.text).toContain(`href="${list}/new"`);
    const form = await c.get(`${list}/new`);
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/<input type="datetime-local" id="b-new-aware" name="awareAt" required value="\d{4}-\d\d-\d\dT\d\d:\d\d"/);

    const bad = await c.submit(`${list}/new`, list, facts({ nature: 'x', title: 'Typed title' }));
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('Please correct the form: nature must be longer than or equal to 5 characters');
    expect(bad.text).toContain('value="Typed title"');

    const res = await c.submit(`${list}/new`, list, facts());
    expect(res.status).toBe(303);
    const m = /^\/admin\/t\/inomedis\/breaches\/([0-9a-f-]{36})\?done=breach-recorded$/.exec(res.headers.location);
    fresh = m![1];
    const page = await c.get(res.headers.location);
    expect(textOf(page.text)).toContain('The breach was recorded; the 72-hour clock runs.');
    expect(page.text).toMatch(/<strong id="time-left">7[12] h \d{1,2} min left<\/strong>/);
    expect(page.text).toContain('class="panel deadline breach-clock urgency-normal"');
    expect(page.text).not.toContain('id="deadline-passed"');
    const [row] = await q(`SELECT approx_records, data_categories, dpo_contact, created_by FROM breaches WHERE id = $1`, [fresh]);
    expect(row).toMatchObject({ approx_records: 1500, data_categories: ['Identification and contact data', 'Treatment history'], created_by: 'admin@ino.test (compliance-admin)' });
    expect(row.dpo_contact).not.toBe('');
    expect(await audits(fresh)).toEqual(['breach.recorded']);
    expect((await c.get(list)).text).toContain(`href="${list}/${fresh}"`);
    // The home page's running clocks link to the breach.
    expect((await c.get('/admin/t/inomedis')).text).toContain(`href="${list}/${fresh}"`);
  });

  it('a breach known for 80 hours: deadline passed (flag, dark red, words); the authority notification needs the reasons; reminders are listed', async () => {
    const c = await admin();
    const res = await c.submit(`${list}/new`, list, facts({ title: 'Misdirected e-mail', awareAt: rigaLocal(80), risk: 'risk', riskReasoning: 'Health data of a few clients.' }));
    late = /breaches\/([0-9a-f-]{36})/.exec(res.headers.location)![1];
    const [{ deadline_at: deadline }] = await q(`SELECT deadline_at FROM breaches WHERE id = $1`, [late]);
    await q(`UPDATE breaches SET reminders_sent = $2 WHERE id = $1`, [late, [`reminder-48h@${deadline.toISOString()}`, `reminder-6h@${deadline.toISOString()}`]]);
    const url = `${list}/${late}`;
    const page = await c.get(url);
    expect(page.text).toContain('class="panel deadline breach-clock urgency-overdue"');
    expect(page.text).toMatch(/<strong id="time-left">Deadline passed [78] h \d{1,2} min ago<\/strong> <span class="flag" id="deadline-passed">deadline passed<\/span>/);
    expect(textOf(page.text)).toContain('Reminder 48 hours before the deadline Reminder 6 hours before the deadline');
    expect(page.text).toMatch(/<textarea id="b-auth-delay" name="delayReasons" maxlength="10000" required/);
    const registerPage = await c.get(list);
    expect(registerPage.text).toMatch(new RegExp(`<tr class="urgency-overdue">\\s*<th scope="row"><a href="${url}">BR-[A-Z0-9-]+</a> <span class="flag">deadline passed</span>`));

    const refused = await c.submit(url, `${url}/authority-notified`, { reference: 'DVI-2026-17', delayReasons: '' });
    expect(refused.status).toBe(400);
    expect(textOf(refused.text)).toMatch(/delayReasons are required: the authority is notified \d+ hour\(s\) after the 72-hour deadline \(GDPR Art\. 33\(1\)\)/);
    expect(refused.text).toContain('value="DVI-2026-17"');
    const ok = await c.submit(url, `${url}/authority-notified`, { reference: 'DVI-2026-17', delayReasons: 'The e-mail was reported to us only by the recipient.' });
    expect(ok.status).toBe(303);
    const after = await c.get(ok.headers.location);
    expect(textOf(after.text)).toContain('Authority notified after the 72 hours');
    expect(after.text).toContain('id="breach-status">Notified<');
    expect(after.text).not.toContain(`${url}/authority-notified"`);
    expect(await audits(late)).toEqual(['breach.recorded', 'breach.authority-notified']);
  });

  it('refuses on the page like the API: an Art. 34(3) exemption without a high risk, closing before the risk is assessed; then updates and closes', async () => {
    const c = await admin();
    const url = `${list}/${fresh}`;
    const exempt = await c.submit(url, `${url}/subjects-notified`, { exemption: 'encrypted', reasoning: 'The disk was encrypted.' });
    expect(exempt.status).toBe(400);
    expect(textOf(exempt.text)).toContain('an Art. 34(3) exemption applies only to a high-risk breach');
    expect(exempt.text).toContain('<option value="encrypted" selected>');

    const early = await c.submit(url, `${url}/close`, {});
    expect(early.status).toBe(409);
    expect(textOf(early.text)).toContain("Not possible in the breach's current state: breach BR-");
    expect(textOf(early.text)).toContain('assess the risk first');

    const form = await c.get(url);
    const values = Object.fromEntries([...form.text.matchAll(/<input type="(?:text|datetime-local|number)" id="b-update-[a-z]+" name="([A-Za-z]+)"[^>]*value="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    expect(values.title).toBe('Lost laptop with client files');
    const noReason = await c.submit(url, `${url}/update`, { ...facts({ awareAt: values.awareAt }), risk: 'no-risk', riskReasoning: '' });
    expect(noReason.status).toBe(400);
    expect(textOf(noReason.text)).toContain('riskReasoning is required with a risk assessment');
    const updated = await c.submit(url, `${url}/update`, { ...facts({ awareAt: values.awareAt }), risk: 'no-risk', riskReasoning: 'The files were in an encrypted container; the key was not on the laptop.' });
    expect(updated.status).toBe(303);
    const [row] = await q(`SELECT risk, status, aware_at, deadline_at FROM breaches WHERE id = $1`, [fresh]);
    expect(row).toMatchObject({ risk: 'no-risk', status: 'documented' });
    const page = await c.get(updated.headers.location);
    expect(textOf(page.text)).toContain('Assessed as unlikely to result in a risk: no notification to the authority.');
    const closed = await c.submit(url, `${url}/close`, {});
    expect(closed.status).toBe(303);
    expect((await c.get(closed.headers.location)).text).toContain('id="breach-status">Closed<');
    expect(await audits(fresh)).toEqual(['breach.recorded', 'breach.updated', 'breach.closed']);
    const [{ details }] = await q(`SELECT details FROM audit_log WHERE target_id = $1 AND action = 'breach.updated'`, [fresh]);
    // The awareness time re-sent unchanged from the form did not move the clock.
    expect(Object.keys(details.changes)).not.toContain('awareAt');
  });

  it('an auditor reads the register and a breach without forms; the new-breach form and every POST are refused (403), nothing changed', async () => {
    const c = await admin('auditor@ino.test');
    const reg = await c.get(list);
    expect(reg.status).toBe(200);
    expect(reg.text).not.toContain(`${list}/new`);
    const page = await c.get(`${list}/${late}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="time-left"');
    expect(page.text).not.toContain('class="action-form');
    expect((await c.get(`${list}/new`)).status).toBe(403);
    const [{ n: before }] = await q(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1`, [ino]);
    const csrf = AdminClient.csrfOf(page.text);
    expect((await c.post(list, { ...facts(), _csrf: csrf })).status).toBe(403);
    for (const action of ['subjects-notified', 'update', 'close', 'reopen']) {
      const res = await c.post(`${list}/${late}/${action}`, { _csrf: csrf, method: 'letter', title: 'changed by auditor' });
      expect({ action, status: res.status }).toEqual({ action, status: 403 });
    }
    const [{ n: after }] = await q(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1`, [ino]);
    expect(after).toBe(before);
    const [{ c: count }] = await q(`SELECT count(*)::int AS c FROM breaches WHERE tenant_id = $1`, [ino]);
    expect(count).toBe(2);
  });

  it('exports the register as XLSX and PDF beside the JSON: the same facts, headings in the page language, audited; auditors too', async () => {
    const c = await admin('auditor@ino.test');
    const reg = await c.get(list);
    expect(reg.text).toContain(`<a href="${list}/export?format&#x3D;xlsx" download>Excel (XLSX)</a>`);
    const refs: { id: string; reference: string; title: string; authority_reference: string | null }[] = await q(
      `SELECT id, reference, title, authority_reference FROM breaches WHERE tenant_id = $1 ORDER BY reference`, [ino],
    );
    const xlsx = await binary(`${list}/export?format=xlsx`, c);
    expect([xlsx.status, xlsx.headers['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="inomedis-breaches-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))));
    const [header, ...body] = rows;
    expect(header.slice(0, 6)).toEqual(['Reference', 'Short name', 'Status', 'Aware since', 'When it happened', 'Notify the authority by']);
    expect(header).toContain('The authority\'s case number');
    expect(body.map((r) => r[0]).sort()).toEqual(refs.map((r) => r.reference).sort());
    const api = await h.http().get('/api/v1/tenants/inomedis/breaches').set('Authorization', `Bearer ${await h.login('admin@ino.test')}`);
    for (const b of api.body.items as { reference: string; title: string; authorityReference: string | null; nature: string }[]) {
      const row = body.find((r) => r[0] === b.reference)!;
      expect(row[1]).toBe(b.title);
      expect(row).toContain(b.nature);
      if (b.authorityReference) expect(row[header.indexOf('The authority\'s case number')]).toBe(b.authorityReference);
    }
    // PDF, in Latvian: opened with pdftotext.
    await c.get(`${list}?lang=lv`);
    const pdf = await binary(`${list}/export?format=pdf`, c);
    expect([pdf.status, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.body as Buffer }).toString('utf8');
    expect(text).toContain('Pārkāpumu reģistrs (VDAR 33. panta 5. punkts)');
    for (const b of refs) expect(text).toContain(b.reference);
    expect(text).toContain('Paziņot iestādei līdz');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    await c.get(`${list}?lang=en`);
    const audited = await q(`SELECT actor, details FROM audit_log WHERE tenant_id = $1 AND action = 'export.created' AND details->>'export' = 'breaches' ORDER BY seq`, [ino]);
    expect(audited.map((a: { details: Record<string, unknown> }) => [a.details.format, a.details.lang, a.details.rows])).toEqual([['xlsx', 'en', refs.length], ['pdf', 'lv', refs.length]]);
    expect(audited[0].actor).toBe('auditor@ino.test (auditor)');
    expect((await c.get(`${list}/export?format=json`)).status).toBe(400);
  });

  it("answers another tenant's breach under one's own slug with 404 (GET and POST), and another tenant's slug too", async () => {
    const m = await admin('admin@micro.test');
    const res = await m.submit('/admin/t/micromedic/breaches/new', '/admin/t/micromedic/breaches', facts({ title: 'Micromedic breach', awareAt: rigaLocal(1) }));
    const microBreach = /breaches\/([0-9a-f-]{36})/.exec(res.headers.location)![1];
    const c = await admin();
    expect((await c.get(`${list}/${microBreach}`)).status).toBe(404);
    expect((await c.get('/admin/t/micromedic/breaches')).status).toBe(404);
    const post = await c.submit(list, `${list}/${microBreach}/authority-notified`, { reference: 'X' });
    expect(post.status).toBe(404);
    // Micromedic's breach stays Micromedic's, untouched by the refused POST.
    const [row] = await q(`SELECT tenant_id, authority_notified_at FROM breaches WHERE id = $1`, [microBreach]);
    expect(row).toEqual({ tenant_id: micro, authority_notified_at: null });
    expect((await c.get(`${list}/not-a-uuid`)).status).toBe(404);
  });

  describe('outbox', () => {
    let mine: string;
    let theirs: string;
    beforeAll(async () => {
      const insert = (tenant: string, to: string, subject: string, html: string, at: string) =>
        q(
          `INSERT INTO outbox_emails (tenant_id, to_address, subject, body_text, body_html, template, locale, status, attempts, created_at)
           VALUES ($1, $2, $3, $4, $5, 'request-received', 'lv', 'outbox', 0, $6) RETURNING id`,
          [tenant, to, subject, `Labdien!\n\nJūsu pieprasījums ir saņemts.\nStatuss: https://example.lv/s`, html, at],
        );
      [[{ id: mine }]] = [await insert(ino, 'anna.berzina@example.lv', 'Pieprasījums saņemts', '<p onclick="alert(1)">Labdien!</p><script>alert(2)</script><img src="https://tracker.example/p.gif"><a href="javascript:alert(3)">x</a><a href="https://example.lv/s">Statuss</a>', '2026-11-20T10:00:00Z')];
      await insert(ino, 'janis@example.lv', 'Newer e-mail', '<p>new</p>', '2026-11-21T10:00:00Z');
      [[{ id: theirs }]] = [await insert(micro, 'erik@example.se', 'Micromedic e-mail', '<p>hej</p>', '2026-11-21T11:00:00Z')];
    });

    it('lists e-mails newest first with status, template, language and the recipient masked; one e-mail shows its text and sanitised HTML', async () => {
      const c = await admin();
      const res = await c.get('/admin/t/inomedis/outbox');
      expect(res.status).toBe(200);
      const text = textOf(res.text);
      expect(text.indexOf('Newer e-mail')).toBeLessThan(text.indexOf('Pieprasījums saņemts'));
      expect(text).toContain('a***@example.lv');
      expect(text).not.toContain('anna.berzina@example.lv');
      expect(text).toContain('In the outbox (not sent)');
      expect(text).toContain('request-received');
      expect(text).toContain('Latviešu');
      expect(text).not.toContain('Micromedic e-mail');

      const one = await c.get(`/admin/t/inomedis/outbox/${mine}`);
      expect(one.status).toBe(200);
      expect(one.text).toContain('<dd id="mail-to">anna.berzina@example.lv</dd>');
      expect(one.text).toMatch(/<pre class="mail-text" id="mail-text" lang="lv">Labdien!\n\nJūsu pieprasījums ir saņemts\./);
      const html = /<div class="mail-html" id="mail-html" lang="lv">([\s\S]*?)<\/div>/.exec(one.text)![1];
      expect(html).toBe('<p>Labdien!</p><a rel="noreferrer noopener">x</a><a href="https://example.lv/s" rel="noreferrer noopener">Statuss</a>');
      expect(one.text).not.toContain('<iframe');
      expect(one.text).not.toContain('tracker.example');
    });

    it("the outbox is not an auditor's (no link, 403); another tenant's e-mail is 404", async () => {
      const a = await admin('auditor@ino.test');
      expect((await a.get('/admin/t/inomedis')).text).not.toContain('href="/admin/t/inomedis/outbox"');
      expect((await a.get('/admin/t/inomedis/outbox')).status).toBe(403);
      expect((await a.get(`/admin/t/inomedis/outbox/${mine}`)).status).toBe(403);
      const c = await admin();
      expect((await c.get(`/admin/t/inomedis/outbox/${theirs}`)).status).toBe(404);
      expect((await c.get('/admin/t/micromedic/outbox')).status).toBe(404);
      expect((await c.get('/admin/t/inomedis/outbox/zzz')).status).toBe(404);
    });
  });
});
