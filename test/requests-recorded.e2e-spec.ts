import { AccessTokens } from '@regula/auth';
import { exe, pdf } from '@regula/requests/testing';
import { Harness, startApi } from './support/api-harness';
import { createStaff } from './support/staff';

const NOW = new Date('2026-03-20T10:00:00Z');
const DAY = 86_400_000;
const EML = [
  'Received: from mx.example.org by mail.inomedis.test; Sun, 15 Mar 2026 10:00:00 +0000',
  'From: Anna Ozola <anna@subject.test>',
  'To: privacy@inomedis.test',
  'Subject: Piekļuve maniem datiem',
  'Date: Sun, 15 Mar 2026 09:59:00 +0000',
  '',
  'Lūdzu, atsūtiet man manus datus.',
  '',
].join('\r\n');

/**
 * Requests a compliance admin records from e-mail, post, phone or in person
 * (POST /api/v1/tenants/:slug/requests), on real PostgreSQL and Redis with
 * the CLOCK fixed: due from the receipt, the receipt checked, late recording
 * marked and audited, the original checked by content, a subject without
 * e-mail sent nothing, a reply recorded as sent by post.
 */
describe('rights requests recorded by an admin', () => {
  let h: Harness;
  let token: string;
  let admin: string;
  let auditor: string;
  // passport-jwt checks a token's expiry against the system time, not the CLOCK: tokens are issued now, whatever the CLOCK says.
  const bearer = (userId: string) => h.app.get(AccessTokens).issue(userId, new Date());
  const url = '/api/v1/tenants/inomedis/requests';
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const base = { channel: 'e-mail', name: 'Anna Ozola', email: 'anna@subject.test', types: ['access'], locale: 'lv' };

  beforeAll(async () => {
    h = await startApi({ PUBLIC_BASE_URL: 'https://regula.test' }, { clock: () => NOW });
    admin = await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    auditor = await createStaff(h.db.owner, 'auditor@ino.test', { tenant: 'inomedis', role: 'auditor' });
    token = await bearer(admin);
  });
  afterAll(() => h?.close());

  const audit = async (requestId: string, action: string) =>
    (await h.db.owner.query(`SELECT actor, details FROM audit_log WHERE target_id = $1 AND action = $2`, [requestId, action])) as { actor: string; details: Record<string, unknown> }[];
  const outbox = async (requestId: string) => (await h.db.owner.query(`SELECT template, to_address FROM outbox_emails WHERE request_id = $1`, [requestId])) as { template: string }[];

  it('an e-mail received five days ago is due one month from its receipt, not from now; recorded late and audited', async () => {
    const receivedAt = new Date(NOW.getTime() - 5 * DAY).toISOString();
    const res = await h.http().post(url).set(auth()).send({ ...base, receivedAt, receivedBy: 'Front desk' }).expect(201);
    expect(res.body.recordedLate).toBe(true);
    const [req] = res.body.requests;
    expect(req).toMatchObject({ channel: 'e-mail', state: 'awaiting-identity', receivedAt, dueDate: '2026-04-15', receivedBy: 'Front desk', recordedLate: true });
    expect(req.statusTokenHash).toBeUndefined();
    expect(res.body.statusToken).toBeUndefined();
    const [entry] = await audit(req.id, 'request.recorded');
    expect(entry.actor).toContain('admin@ino.test');
    expect(entry.details).toMatchObject({ channel: 'e-mail', receivedAt, recordedLate: true, receivedBy: 'Front desk', dueDate: '2026-04-15' });
    // With an address: the usual e-mails (received with the status link, the code).
    expect((await outbox(req.id)).map((m) => m.template).sort()).toEqual(['request-received', 'verify-email']);
  });

  it('a receipt the same local day is not late', async () => {
    const res = await h.http().post(url).set(auth()).send({ ...base, channel: 'phone', receivedAt: new Date(NOW.getTime() - 3600_000).toISOString() }).expect(201);
    expect(res.body.recordedLate).toBe(false);
    expect(res.body.requests[0].recordedLate).toBe(false);
  });

  it('refuses a receipt in the future, naming receivedAt', async () => {
    const res = await h.http().post(url).set(auth()).send({ ...base, receivedAt: new Date(NOW.getTime() + 60_000).toISOString() }).expect(400);
    expect(JSON.stringify(res.body.message)).toContain('receivedAt must not be in the future');
  });

  it('40 days back: 400 naming lateReason without one; 201, late and audited with it', async () => {
    const receivedAt = new Date(NOW.getTime() - 40 * DAY).toISOString();
    const refused = await h.http().post(url).set(auth()).send({ ...base, channel: 'post', receivedAt }).expect(400);
    expect(JSON.stringify(refused.body.message)).toContain('lateReason is required');
    const res = await h.http().post(url).set(auth()).send({ ...base, channel: 'post', receivedAt, lateReason: 'The letter was misfiled in the accounts department' }).expect(201);
    const [req] = res.body.requests;
    expect(req).toMatchObject({ recordedLate: true, lateReason: 'The letter was misfiled in the accounts department' });
    const [entry] = await audit(req.id, 'request.recorded');
    expect(entry.details).toMatchObject({ channel: 'post', recordedLate: true, lateReason: 'The letter was misfiled in the accounts department' });
  });

  it('stores an .eml original (multipart) and refuses a program', async () => {
    const receivedAt = '2026-03-15T10:00:00Z';
    const res = await h
      .http()
      .post(url)
      .set(auth())
      .field('channel', 'e-mail').field('receivedAt', receivedAt).field('name', 'Anna Ozola').field('email', 'anna@subject.test')
      .field('types', 'access').field('types', 'portability').field('locale', 'lv')
      .attach('original', Buffer.from(EML), { filename: 'request.eml', contentType: 'message/rfc822' })
      .expect(201);
    expect(res.body.requests.map((r: { type: string }) => r.type)).toEqual(['access', 'portability']);
    const [a, b] = res.body.requests;
    expect(a.details.recordedWith).toEqual([b.reference]);
    expect(b.details.recordedWith).toEqual([a.reference]);
    const stored: { content_type: string; file_name: string; size_bytes: number }[] = await h.db.owner.query(
      `SELECT content_type, file_name, size_bytes FROM request_artifacts WHERE request_id = $1 AND kind = 'original'`, [a.id]);
    expect(stored).toEqual([{ content_type: 'message/rfc822', file_name: 'request.eml', size_bytes: Buffer.byteLength(EML) }]);

    const bad = await h.http().post(url).set(auth())
      .field('channel', 'post').field('receivedAt', receivedAt).field('name', 'Anna Ozola').field('postalAddress', 'Brīvības iela 1, Rīga')
      .field('types', 'access').field('locale', 'lv')
      .attach('original', exe(), { filename: 'letter.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('original: file type not accepted');
  });

  it('a call from the same person (phone in another form, name in other case and spacing) is flagged as a duplicate of the earlier call; another person on that phone is not', async () => {
    const call = (name: string, phone: string) =>
      h.http().post(url).set(auth()).send({ channel: 'phone', name, phone, types: ['erasure'], locale: 'lv', receivedAt: NOW.toISOString() }).expect(201);
    const first = (await call('Jānis Kalns', '+371 2612 3456')).body.requests[0];
    const again = (await call('  JĀNIS   kalns ', '0037126123456')).body.requests[0];
    const other = (await call('Ilze Kalna', '+371 26123456')).body.requests[0];
    expect(again.duplicateOf).toBe(first.id);
    expect(first.duplicateOf).toBeNull();
    expect(other.duplicateOf).toBeNull();
    expect((await audit(again.id, 'request.recorded'))[0].details.duplicateOf).toBe(first.reference);
  });

  it('needs a contact; an auditor may not record', async () => {
    const { email: _email, ...noEmail } = base;
    const res = await h.http().post(url).set(auth()).send({ ...noEmail, channel: 'phone', receivedAt: NOW.toISOString() }).expect(400);
    expect(JSON.stringify(res.body.message)).toContain('contact');
    await h.http().post(url).set({ Authorization: `Bearer ${await bearer(auditor)}` }).send({ ...base, receivedAt: NOW.toISOString() }).expect(403);
  });

  it('a subject without e-mail gets no mail and no status link; identity confirmed offline; a reply recorded as sent by post', async () => {
    const { email: _email, ...noEmail } = base;
    const res = await h.http().post(url).set(auth()).send({ ...noEmail, channel: 'post', postalAddress: 'Brīvības iela 1, Rīga, LV-1010', receivedAt: '2026-03-18T08:00:00Z' }).expect(201);
    const [req] = res.body.requests;
    expect(req).toMatchObject({ requesterEmail: null, requesterAddress: 'Brīvības iela 1, Rīga, LV-1010', state: 'awaiting-identity' });
    expect(res.body.statusToken).toBeUndefined();
    const links: { c: number }[] = await h.db.owner.query(`SELECT count(*)::int AS c FROM request_link_tokens WHERE request_id = $1`, [req.id]);
    expect(links[0].c).toBe(0);

    const confirmed = await h.http().post(`${url}/${req.reference}/identity/confirm`).set(auth()).send({ note: 'Signed letter with a copy of the ID card' }).expect(200);
    expect(confirmed.body.request.state).toBe('in-progress');

    const email = await h.http().post(`${url}/${req.reference}/replies`).set(auth()).field('delivery', 'e-mail').attach('file', pdf(), 'answer.pdf').expect(400);
    expect(JSON.stringify(email.body.message)).toContain('no e-mail address');
    const reply = await h.http().post(`${url}/${req.reference}/replies`).set(auth()).field('delivery', 'post').field('note', 'Sent by registered post').attach('file', pdf(), 'answer.pdf').expect(201);
    expect(reply.body).toMatchObject({ delivery: 'post', fileName: 'answer.pdf', note: 'Sent by registered post' });
    const [entry] = await audit(req.id, 'request.reply-uploaded');
    expect(entry.details).toMatchObject({ delivery: 'post' });
    expect(await outbox(req.id)).toEqual([]);
  });
});
