import { DOWNLOAD_DAYS } from '@regula/requests';
import { Harness, startApi } from './support/api-harness';
import { fulfilPreviewed } from './support/fulfil-previewed';
import { Mailbox } from './support/mailbox';
import { createStaff } from './support/staff';

/**
 * Downloading a data package from the status link needs a fresh e-mail code
 * (issue 14 §4): asked for on the page, e-mailed (never in the subject line),
 * single-use; without it the download is refused, with it the file comes, a
 * used code is refused; the page states until when the link downloads, and
 * after that date every download answers a clear 410 page.
 */
describe('status page: a data package needs a fresh e-mail code', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let admin: string;
  let ino: string;
  let n = 0;
  /** The API's CLOCK: the test's own, stepped past the download window at the end. */
  let shift = 0;
  const ip = () => `203.0.113.${(n++ % 250) + 1}`;

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    h = await startApi({ TRUST_PROXY: 'true', PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl }, { clock: () => new Date(Date.now() + shift), packageWorker: true });
    await createStaff(h.db.owner, 'admin@ino.test', { tenant: 'inomedis' });
    admin = await h.login('admin@ino.test');
    [{ id: ino }] = await h.db.owner.query(`SELECT id FROM tenants WHERE slug = 'inomedis'`);
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
  });

  const get = (url: string) => h.http().get(url).set('X-Forwarded-For', ip());
  const post = (url: string, form: Record<string, unknown>) => h.http().post(url).set('X-Forwarded-For', ip()).type('form').send(form);
  const binary = (r: ReturnType<typeof post>) => r.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

  it('refuses without a code, downloads with a fresh one, refuses it used again; states and enforces the expiry', async () => {
    const email = 'package.subject@example.com';
    const [s] = await h.db.owner.query(`INSERT INTO data_subjects (tenant_id, display_name, locale) VALUES ($1, 'Package Subject', 'en') RETURNING id`, [ino]);
    await h.db.owner.query(`INSERT INTO subject_identifiers (tenant_id, subject_id, kind, value) VALUES ($1, $2, 'email', $3)`, [ino, s.id, email]);
    const filed = await post('/t/inomedis/request/access?lang=en', { name: 'Package Subject', email });
    const reference = /id="reference">([^<]+)</.exec(filed.text)![1];
    const token = /name="token" value="([^"]+)"/.exec(filed.text)![1];
    await post(`/t/inomedis/requests/${reference}/verify?lang=en`, { code: await mailbox.code(h, reference), token });
    const done = await fulfilPreviewed(h.http, 'inomedis', reference, admin);
    expect(done.status).toBe(200);
    const json = (done.body.outcome.downloads as { id: string; kind: string }[]).find((d) => d.kind === 'access-json')!;
    const stored = await h.http().get(`/api/v1/tenants/inomedis/requests/${reference}/artifacts/${json.id}`).set('Authorization', `Bearer ${admin}`).buffer(true);

    // The page: the window's end stated, a form for the code, no link that hands the package over.
    const page = await get(`/t/inomedis/requests/${reference}?lang=en&token=${token}`);
    expect(page.text).toMatch(/id="downloads-until">You can download the files until [^<]*\d{4}/);
    expect(page.text).not.toMatch(new RegExp(`href="[^"]*/artifacts/${json.id}`));
    expect(page.text).toContain('Send a download code by e-mail');

    // Without a code: refused, on the page, with the way to one.
    const link = await get(`/t/inomedis/requests/${reference}/artifacts/${json.id}?token=${token}&lang=en`);
    expect(link.status).toBe(403);
    expect(link.text).toContain('Enter the download code from the e-mail');
    expect((await post(`/t/inomedis/requests/${reference}/download?lang=en`, { token, file: json.id })).status).toBe(403);
    expect((await post(`/t/inomedis/requests/${reference}/download?lang=en`, { token, file: json.id, code: '123456' })).status).toBe(403);

    // A code by e-mail: not in the subject line; it downloads the file once.
    const asked = await post(`/t/inomedis/requests/${reference}/download-code?lang=en`, { token });
    expect(asked.status).toBe(303);
    expect(asked.headers.location).toContain('codeSent=1');
    expect((await get(asked.headers.location)).text).toContain('A download code was sent to your e-mail address.');
    const mails = await mailbox.forRequest(h, reference, 'download-code');
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Your download code for request ${reference}`);
    const code = /(?<![0-9A-Za-z=])(\d{6})(?![0-9A-Za-z])/.exec(mails[0].text)![1];
    expect(mails[0].subject).not.toContain(code);

    const file = await binary(post(`/t/inomedis/requests/${reference}/download?lang=en`, { token, file: json.id, code }));
    expect(file.status).toBe(200);
    expect(file.headers['content-disposition']).toContain('attachment');
    expect((file.body as Buffer).equals(Buffer.from(stored.text ?? stored.body))).toBe(true);
    const again = await post(`/t/inomedis/requests/${reference}/download?lang=en`, { token, file: json.id, code });
    expect(again.status).toBe(403);
    expect(again.text).toContain('already used or has expired');
    const [audit] = await h.db.owner.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'request.package.downloaded' AND details->>'reference' = $1`, [reference]);
    expect(audit.n).toBe(1);

    // The window closes DOWNLOAD_DAYS after the answer, on the API's clock (page and downloads alike): a clear page, never a 500.
    shift = (DOWNLOAD_DAYS + 1) * 86_400_000;
    const expiredPage = await get(`/t/inomedis/requests/${reference}?lang=en&token=${token}`);
    expect(expiredPage.text).toMatch(/The download link expired on/);
    expect(expiredPage.text).not.toContain('Send a download code by e-mail');
    for (const res of [
      await post(`/t/inomedis/requests/${reference}/download-code?lang=en`, { token }),
      await post(`/t/inomedis/requests/${reference}/download?lang=en`, { token, file: json.id, code }),
      await get(`/t/inomedis/requests/${reference}/artifacts/${json.id}?token=${token}&lang=en`),
    ]) {
      expect(res.status).toBe(410);
      expect(res.text).toContain('Download link expired');
    }
  });
});
