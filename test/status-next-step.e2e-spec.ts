import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pdf } from '@regula/requests/testing';
import { Harness, startApi } from './support/api-harness';
import { Mailbox } from './support/mailbox';

/**
 * The status page always says what happens next (issue 14 §4): what Regula
 * waits for, from whom (the subject or the controller) and by when, in the
 * subject's language; an uploaded document is "received, being checked" at
 * once, with no upload form and no "waiting" left on the page. Then, after a
 * whole journey, no e-mail of the outbox carries a code in its subject line.
 */
describe('status page: what happens next', () => {
  let h: Harness;
  let mailbox: Mailbox;
  let uploads: string;
  let n = 0;
  const ip = () => `203.0.113.${(n++ % 250) + 1}`;

  beforeAll(async () => {
    uploads = mkdtempSync(path.join(tmpdir(), 'regula-next-step-'));
    mailbox = await Mailbox.start();
    h = await startApi({ UPLOAD_DIR: uploads, TRUST_PROXY: 'true', PUBLIC_BASE_URL: 'https://regula.test', SMTP_URL: mailbox.smtpUrl });
  });
  afterAll(async () => {
    await h?.close();
    await mailbox?.close();
    rmSync(uploads, { recursive: true, force: true });
  });

  const get = (url: string) => h.http().get(url).set('X-Forwarded-For', ip());
  const post = (url: string, form: Record<string, unknown>) => h.http().post(url).set('X-Forwarded-For', ip()).type('form').send(form);

  async function file(slug: string, type: string, lang: string) {
    const res = await post(`/t/${slug}/request/${type}?lang=${lang}`, { name: 'Anna Bērziņa', email: `next.${++n}@example.com` });
    expect(res.status).toBe(201);
    return { reference: /id="reference">([^<]+)</.exec(res.text)![1], token: /name="token" value="([^"]+)"/.exec(res.text)![1] };
  }

  /** The part of the page that states the present: the facts and what happens next (the timeline is history). */
  function present(html: string): { state: string; what: string; who: string; by: string; from: string; text: string } {
    const pick = (re: RegExp) => re.exec(html)?.[1] ?? '';
    const facts = pick(/(<dl class="facts status-facts">[\s\S]*?<\/dl>)/) + pick(/(<section class="panel next-step[\s\S]*?<\/section>)/);
    return {
      state: pick(/id="state">([^<]*)</),
      what: pick(/id="next-what">([^<]*)</),
      who: pick(/id="next-who">([^<]*)</),
      by: pick(/id="next-by">([^<]*)</),
      from: pick(/class="panel next-step next-from-([a-z]+)"/),
      text: facts.replace(/<[^>]+>/g, ' '),
    };
  }

  const WORDS = {
    en: { you: 'You', code: 'Enter the confirmation code', upload: 'Show us it is you in one of the ways below, for example by uploading your signed document', check: 'Your document was received and is being checked.', checking: 'Document received, being checked', handling: 'is working on your request', latest: 'at the latest', waiting: /\bwaiting\b/i },
    sv: { you: 'Du', code: 'Ange bekräftelsekoden', upload: 'Visa att det är du på något av sätten nedan, till exempel genom att ladda upp din undertecknade handling', check: 'Din handling har tagits emot och granskas.', checking: 'Handling mottagen, granskas', handling: 'handlägger din begäran', latest: 'Senast', waiting: /(?<![a-zåäö])väntar/i },
  } as const;

  for (const lang of ['en', 'sv'] as const) {
    it(`says who acts next and by when, for each waiting situation (${lang})`, async () => {
      const w = WORDS[lang];
      // Micromedic: access needs a signed document after the e-mail code.
      const { reference, token } = await file('micromedic', 'access', lang);
      const page = async () => present((await get(`/t/micromedic/requests/${reference}?lang=${lang}&token=${token}`)).text);

      const code = await page();
      expect(code).toMatchObject({ who: w.you, from: 'subject' });
      expect(code.what).toContain(w.code);

      expect((await post(`/t/micromedic/requests/${reference}/verify?lang=${lang}`, { code: await mailbox.code(h, reference), token })).status).toBeLessThan(400);
      const doc = await get(`/t/micromedic/requests/${reference}?lang=${lang}&token=${token}`);
      expect(present(doc.text)).toMatchObject({ who: w.you, from: 'subject' });
      expect(present(doc.text).what).toContain(w.upload);
      expect(doc.text).toContain('name="document"');

      const up = await h.http().post(`/t/micromedic/requests/${reference}/evidence?lang=${lang}`).set('X-Forwarded-For', ip()).field('token', token).attach('document', pdf(), 'signed.pdf');
      expect(up.status).toBe(303);
      const after = await get(up.headers.location);
      const now = present(after.text);
      // At once: received, being checked; the controller acts; no upload form; nothing on the page still "waiting".
      expect(now.state).toBe(w.checking);
      expect(now.what).toContain(w.check);
      expect(now.from).toBe('controller');
      expect(now.who).toContain('Micromedic');
      expect(after.text).not.toContain('name="document"');
      expect(after.text).not.toMatch(w.waiting);

      // A request whose identity is confirmed by the code: the controller handles it, by the due date.
      const other = await file('micromedic', 'erasure', lang);
      await post(`/t/micromedic/requests/${other.reference}/verify?lang=${lang}`, { code: await mailbox.code(h, other.reference), token: other.token });
      const handling = present((await get(`/t/micromedic/requests/${other.reference}?lang=${lang}&token=${other.token}`)).text);
      expect(handling.from).toBe('controller');
      expect(handling.what).toContain(w.handling);
      expect(handling.by).toContain(w.latest);
      expect(handling.by).toMatch(/\d/);
    });
  }

  it('puts no code in any e-mail subject line after a full journey (filing, new code, upload, confirmation)', async () => {
    const { reference, token } = await file('micromedic', 'access', 'en');
    await post(`/t/micromedic/requests/${reference}/resend?lang=en`, { token });
    await post(`/t/micromedic/requests/${reference}/verify?lang=en`, { code: await mailbox.code(h, reference), token });
    await h.http().post(`/t/micromedic/requests/${reference}/evidence?lang=en`).set('X-Forwarded-For', ip()).field('token', token).attach('document', pdf(), 'signed.pdf');
    const received = await mailbox.forRequest(h, reference);
    expect(received.length).toBeGreaterThanOrEqual(3);
    const stored: { subject: string }[] = await h.db.owner.query(`SELECT subject FROM outbox_emails`);
    // Every e-mail Regula wrote in this suite, as stored and as received: no 6-digit code, no token, no redaction mark.
    for (const subject of [...stored.map((e) => e.subject), ...received.map((m) => m.subject)]) {
      expect(subject).not.toMatch(/(?<![0-9])\d{6}(?![0-9])|••••••|regula-secret|[A-Za-z0-9_-]{40,}/);
    }
    const codes = received.filter((m) => m.template === 'verify-email');
    expect(codes.length).toBe(2);
    for (const m of codes) expect(m.text).toMatch(/code=\d{6}/);
  });
});

