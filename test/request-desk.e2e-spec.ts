import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileRequestInput, REQUESTS_PORT, RequestsPort } from '@regula/requests';
import { Harness } from './support/api-harness';
import { AdminClient, textOf } from './support/admin-client';
import { fulfilPreviewed } from './support/fulfil-previewed';
import { startDashboardApi } from './support/admin-session';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';

/**
 * A team's queue (issue 14 §5) on real PostgreSQL and Redis: assigning and
 * reassigning a request to a member (compliance admins only, audited
 * `request.assigned`), "my requests" in the API and on the queue page, the
 * queue's requester / identity / handler columns, internal notes (audited,
 * never on the status page nor in an e-mail, part of the subject's later
 * access package) and the member's name on the timeline.
 */
describe('the request desk: assignment, my requests, notes, queue columns', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let uploads: string;
  let port: RequestsPort;
  let ino: string;
  const users: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let n = 0;

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-desk-uploads-'));
    mailbox = await Mailbox.start();
    const api = await startDashboardApi({ env: { UPLOAD_DIR: uploads, SMTP_URL: mailbox.smtpUrl, PUBLIC_BASE_URL: 'https://regula.test' }, packageWorker: true });
    h = api.h;
    ino = api.ino;
    users.kadri = await createStaff(h.db.owner, 'kadri@ino.test', { tenant: 'inomedis' });
    await h.db.owner.query(`UPDATE users SET display_name = 'Kadri Tamm' WHERE id = $1`, [users.kadri]);
    const [admin] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'admin@ino.test'`);
    users.admin = admin.id;
    await h.db.owner.query(`UPDATE users SET display_name = 'Mart Kask' WHERE id = $1`, [users.admin]);
    const [auditor] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'auditor@ino.test'`);
    users.auditor = auditor.id;
    const [micro] = await h.db.owner.query(`SELECT id FROM users WHERE email = 'admin@micro.test'`);
    users.micro = micro.id;
    users.former = await createStaff(h.db.owner, 'former@ino.test', { tenant: 'inomedis', accessUntil: new Date(Date.now() - 86_400_000) });
    for (const [k, email] of Object.entries({ admin: 'admin@ino.test', kadri: 'kadri@ino.test', auditor: 'auditor@ino.test' })) tokens[k] = await h.login(email);
    port = h.app.get<RequestsPort>(REQUESTS_PORT);
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  const api = (method: 'get' | 'post', url: string, who: string) => h.http()[method](url).set('Authorization', `Bearer ${tokens[who]}`);
  const audits = (action: string, requestId: string) =>
    h.db.owner.query(`SELECT actor, details FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY seq`, [action, requestId]);

  async function file(over: Partial<FileRequestInput> = {}, verify = true) {
    const ip = `198.51.100.${++n}`;
    const filed = await port.fileRequest(ino, { type: 'access', name: 'Anna Bērziņa', email: `desk.${n}@example.test`, locale: 'en', details: {}, ...over }, { ip });
    if (verify) await port.verifyEmail(ino, filed.request.reference, await mailbox.code(h, filed.request.reference), { ip });
    return filed;
  }

  it('offers the compliance admins with current access as the team (not auditors, not former members, not another tenant)', async () => {
    const res = await api('get', '/api/v1/tenants/inomedis/request-team', 'admin');
    expect(res.status).toBe(200);
    const ids = (res.body as { userId: string; name: string }[]).map((m) => m.userId);
    expect(ids).toEqual(expect.arrayContaining([users.admin, users.kadri]));
    expect(ids).not.toContain(users.auditor);
    expect(ids).not.toContain(users.former);
    expect(ids).not.toContain(users.micro);
  });

  it('assigns and reassigns through the API, audited request.assigned with the previous handler; "my requests" follows', async () => {
    const { request } = await file();
    const ref = request.reference;
    for (const bad of [users.auditor, users.micro, users.former]) {
      const refused = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/assignee`, 'admin').send({ assigneeId: bad });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('assigneeId');
    }
    expect((await api('post', `/api/v1/tenants/inomedis/requests/${ref}/assignee`, 'admin').send({ assigneeId: 'someone' })).status).toBe(400);
    // An auditor reads, never assigns.
    expect((await api('post', `/api/v1/tenants/inomedis/requests/${ref}/assignee`, 'auditor').send({ assigneeId: users.admin })).status).toBe(403);

    const first = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/assignee`, 'admin').send({ assigneeId: users.kadri });
    expect(first.status).toBe(200);
    expect(first.body.assignee).toEqual({ userId: users.kadri, name: 'Kadri Tamm' });
    const again = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/assignee`, 'admin').send({ assigneeId: users.kadri });
    expect(again.status).toBe(200);
    expect(await audits('request.assigned', request.id)).toHaveLength(1);

    const mineKadri = await api('get', '/api/v1/tenants/inomedis/requests?assignee=me', 'kadri');
    expect(mineKadri.body.items.map((i: { reference: string }) => i.reference)).toContain(ref);
    expect(mineKadri.body.items.find((i: { reference: string }) => i.reference === ref).assignee).toEqual({ userId: users.kadri, name: 'Kadri Tamm' });
    const mineAdmin = await api('get', '/api/v1/tenants/inomedis/requests?assignee=me', 'admin');
    expect(mineAdmin.body.items.map((i: { reference: string }) => i.reference)).not.toContain(ref);

    const re = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/assignee`, 'kadri').send({ assigneeId: users.admin });
    expect(re.status).toBe(200);
    const trail = await audits('request.assigned', request.id);
    expect(trail).toHaveLength(2);
    expect(trail[0].details).toMatchObject({ reference: ref, assigneeId: users.kadri, previousAssigneeId: null });
    expect(trail[1].details).toMatchObject({ assigneeId: users.admin, previousAssigneeId: users.kadri });
    expect(trail[1].actor).toContain('kadri@ino.test');
    expect((await api('get', '/api/v1/tenants/inomedis/requests?assignee=me', 'admin')).body.items.map((i: { reference: string }) => i.reference)).toContain(ref);
    expect((await api('get', '/api/v1/tenants/inomedis/requests?assignee=me', 'kadri')).body.items.map((i: { reference: string }) => i.reference)).not.toContain(ref);

    const released = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/assignee`, 'admin').send({ assigneeId: null });
    expect(released.body.assignee).toBeNull();
    expect(await audits('request.assigned', request.id)).toHaveLength(3);
    // Another tenant's staff do not reach it.
    const microToken = await h.login('admin@micro.test');
    expect((await h.http().post(`/api/v1/tenants/inomedis/requests/${ref}/assignee`).set('Authorization', `Bearer ${microToken}`).send({ assigneeId: users.admin })).status).toBe(404);
  });

  it('shows the requester, the identity state and the handler in the queue; "my requests" filters it; assigning from the page', async () => {
    const waitingCode = await file({ name: 'Jaan Sepp' }, false);
    const assigned = await file({ name: 'Liis Mets' });
    const c = new AdminClient(h);
    await c.login('admin@ino.test');
    const page = `/admin/t/inomedis/requests/${assigned.request.reference}`;
    const took = await c.submit(page, `${page}/assign`, { assigneeId: users.admin });
    expect(took.status).toBe(303);
    expect(took.headers.location).toContain('done=assigned');
    expect(textOf((await c.get(took.headers.location)).text)).toContain('The handler was changed.');

    const queue = await c.get('/admin/t/inomedis/requests');
    expect(queue.status).toBe(200);
    const row = (ref: string) => new RegExp(`<tr[^>]*>\\s*<th scope="row"><a href="[^"]+">${ref}</a>[\\s\\S]*?</tr>`).exec(queue.text)?.[0] ?? '';
    const waitingRow = textOf(row(waitingCode.request.reference));
    expect(waitingRow).toContain('Jaan Sepp');
    expect(waitingRow).toContain('Awaiting e-mail confirmation');
    expect(waitingRow).toContain('Nobody yet');
    const assignedRow = textOf(row(assigned.request.reference));
    expect(assignedRow).toContain('Liis Mets');
    expect(assignedRow).toContain('Mart Kask');
    expect(assignedRow).toMatch(/Confirmed|Awaiting a document|Document received/);
    expect(queue.text).toMatch(/<a href="\/admin\/t\/inomedis\/requests\?mine(=|&#x3D;)1" id="my-requests">My requests<\/a>/);

    const mine = await c.get('/admin/t/inomedis/requests?mine=1');
    expect(mine.text).toContain(assigned.request.reference);
    expect(mine.text).not.toContain(waitingCode.request.reference);
    expect(mine.text).toMatch(/id="f-mine" name="mine" value="1" checked/);

    const other = new AdminClient(h, '203.0.113.11');
    await other.login('kadri@ino.test');
    expect((await other.get('/admin/t/inomedis/requests?mine=1')).text).not.toContain(assigned.request.reference);

    // Not a member of the team: the page says so and nothing changes.
    const bad = await c.submit(page, `${page}/assign`, { assigneeId: users.auditor });
    expect(bad.status).toBe(400);
    expect(textOf(bad.text)).toContain('assigneeId');
    expect(await audits('request.assigned', assigned.request.id)).toHaveLength(1);
    // The auditor sees the handler and no assignment form.
    const auditor = new AdminClient(h, '203.0.113.12');
    await auditor.login('auditor@ino.test');
    const seen = await auditor.get(page);
    expect(seen.text).toMatch(/<p id="handler">Mart Kask/);
    expect(seen.text).not.toContain(`${page}/assign`);
    expect(seen.text).not.toContain(`${page}/note`);
  });

  it('keeps internal notes for staff: audited, on the page with the member, never on the status page nor in an e-mail; in a later access package', async () => {
    // The subject Regula holds data about, matched by e-mail when identity is confirmed (Inomedis: the e-mail code).
    const email = 'noted.subject@example.test';
    const [s] = await h.db.owner.query(`INSERT INTO data_subjects (tenant_id, display_name, locale) VALUES ($1, 'Noted Subject', 'en') RETURNING id`, [ino]);
    await h.db.owner.query(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'email', $3)`, [ino, s.id, email]);

    const first = await file({ type: 'erasure', email, name: 'Noted Subject' });
    const ref = first.request.reference;

    const c = new AdminClient(h);
    await c.login('kadri@ino.test');
    const page = `/admin/t/inomedis/requests/${ref}`;
    const noteText = 'Called the subject on 3 March: prefers letters in Estonian.';
    const added = await c.submit(page, `${page}/note`, { text: noteText });
    expect(added.status).toBe(303);
    expect(added.headers.location).toContain('done=noted');
    const empty = await c.submit(page, `${page}/note`, { text: '' });
    expect(empty.status).toBe(400);
    const viaApi = await api('post', `/api/v1/tenants/inomedis/requests/${ref}/notes`, 'admin').send({ text: 'Second note by API.' });
    expect(viaApi.status).toBe(201);
    expect((await api('post', `/api/v1/tenants/inomedis/requests/${ref}/notes`, 'auditor').send({ text: 'no' })).status).toBe(403);
    const listed = await api('get', `/api/v1/tenants/inomedis/requests/${ref}/notes`, 'auditor');
    expect(listed.body.map((x: { text: string }) => x.text)).toEqual([noteText, 'Second note by API.']);

    const trail = await audits('request.note.added', first.request.id);
    expect(trail).toHaveLength(2);
    // The audit log outlives the request: it names the note, not its text.
    expect(JSON.stringify(trail)).not.toContain('prefers letters');

    const shown = await c.get(page);
    const text = textOf(shown.text);
    expect(text).toContain(noteText);
    // The member's name on the timeline, not their e-mail address.
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(shown.text)![1];
    expect(textOf(timeline)).toMatch(/Internal note\s*,\s*Kadri Tamm/);
    expect(textOf(timeline)).toMatch(/Internal note\s*,\s*Mart Kask/);
    expect(timeline).not.toContain('kadri@ino.test');

    // The subject's status page and every e-mail of the request leave the notes out.
    const status = await h.http().get(`/t/inomedis/requests/${ref}?token=${encodeURIComponent(first.statusToken)}`);
    expect(status.status).toBe(200);
    expect(status.text).not.toContain('prefers letters');
    expect(status.text).not.toContain('Second note');
    const mails = await mailbox.forRequest(h, ref);
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) expect(`${m.subject}\n${m.text}\n${m.html}`).not.toContain('prefers letters');

    // A later access request of the same subject: the package holds the notes (Art. 15).
    const later = await file({ type: 'access', email, name: 'Noted Subject' });
    const done = await fulfilPreviewed(h.http, 'inomedis', later.request.reference, tokens.admin);
    expect(done.status).toBe(200);
    const json = (done.body.outcome.downloads as { id: string; kind: string }[]).find((d) => d.kind === 'access-json')!;
    const html = (done.body.outcome.downloads as { id: string; kind: string }[]).find((d) => d.kind === 'access-html')!;
    const pkg = await api('get', `/api/v1/tenants/inomedis/requests/${later.request.reference}/artifacts/${json.id}`, 'admin').buffer(true);
    const parsed = JSON.parse(pkg.text || pkg.body.toString('utf8'));
    expect(parsed.staffNotes).toEqual([
      expect.objectContaining({ request: ref, text: noteText }),
      expect.objectContaining({ request: ref, text: 'Second note by API.' }),
    ]);
    const page2 = await api('get', `/api/v1/tenants/inomedis/requests/${later.request.reference}/artifacts/${html.id}`, 'admin').buffer(true);
    expect(page2.text || page2.body.toString('utf8')).toContain('Called the subject on 3 March');
  });
});
