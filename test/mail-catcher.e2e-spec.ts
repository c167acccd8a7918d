import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { listening } from './support/listening';

interface Catcher {
  url: string;
  external: boolean;
  port?: number;
  dir?: string;
  stop: () => Promise<void>;
}
// scripts/ is plain Node (it runs before anything is built): required, typed here.
const { startMailCatcher } = require('../scripts/lib/mail-catcher') as {
  startMailCatcher: (o: { dir: string; port?: number; url?: string; maxBytes?: number; print?: (line: string) => void }) => Promise<Catcher>;
};

/**
 * The mail catcher of `npm start` (scripts/lib/mail-catcher.js) on its own: with
 * SMTP_URL it starts nothing; without, it keeps every message as an .eml file and
 * says so on the console, refuses what is over its size bound, and stops.
 * (test/npm-start.e2e-spec.ts runs it inside the real `npm start`.)
 */
describe('npm start mail catcher', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'regula-catcher-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses SMTP_URL when it is set: nothing is started', async () => {
    const lines: string[] = [];
    const c = await startMailCatcher({ dir: path.join(dir, 'unused'), url: 'smtp://mail.example.com:587', print: (l) => lines.push(l) });
    expect(c).toMatchObject({ url: 'smtp://mail.example.com:587', external: true });
    expect(c.port).toBeUndefined();
    expect(readdirSync(dir)).not.toContain('unused');
    expect(lines).toEqual([]);
    await c.stop();
  });

  it('keeps each message as an .eml file, prints recipient, decoded subject and link, refuses oversize, stops', async () => {
    const lines: string[] = [];
    const mailDir = path.join(dir, 'mail');
    const c = await startMailCatcher({ dir: mailDir, url: '', maxBytes: 64 * 1024, print: (l) => lines.push(l) });
    expect(c.external).toBe(false);
    expect(c.url).toBe(`smtp://127.0.0.1:${c.port}`);
    const transport = nodemailer.createTransport(c.url);
    try {
      // Any recipient, no login; a non-ASCII subject goes as RFC 2047 encoded-words.
      await transport.sendMail({
        from: 'Regula <no-reply@regula.invalid>',
        to: 'anna.berzina@example.lv',
        subject: 'Jūsu apstiprinājuma kods: 123456',
        text: 'Inomedis\n\nLabdien!\nhttp://127.0.0.1:3000/t/inomedis/requests/R-1/verify?token=abc&code=123456\n',
      });
      await transport.sendMail({ from: 'no-reply@regula.invalid', to: ['a@example.se', 'b@example.ee'], subject: 'Second', text: 'Micromedic\nhello' });
      await expect(
        transport.sendMail({ from: 'no-reply@regula.invalid', to: 'a@example.se', subject: 'Too big', text: 'x'.repeat(100 * 1024) }),
      ).rejects.toMatchObject({ responseCode: 552 });
    } finally {
      transport.close();
    }
    const files = readdirSync(mailDir).sort();
    expect(files).toHaveLength(2);
    expect(files.every((f) => /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-\d{4}\.eml$/.test(f))).toBe(true);
    const first = readFileSync(path.join(mailDir, files[0]), 'utf8');
    expect(first).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(first).toContain('To: anna.berzina@example.lv');

    // The console lines are printed once each message is parsed.
    for (let i = 0; i < 50 && lines.filter((l) => l.startsWith('[mail] caught')).length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const caught = lines.filter((l) => l.startsWith('[mail] caught'));
    expect(caught).toHaveLength(2);
    expect(caught.find((l) => l.includes('anna.berzina@example.lv'))).toBe(
      `[mail] caught to anna.berzina@example.lv: "Jūsu apstiprinājuma kods: 123456" | http://127.0.0.1:3000/t/inomedis/requests/R-1/verify?token=abc&code=123456 (${files[0]})`,
    );
    expect(caught.find((l) => l.includes('Second'))).toBe(`[mail] caught to a@example.se, b@example.ee: "Second" | Micromedic (${files[1]})`);

    await c.stop();
    expect(await listening(c.port!)).toBe(false);
  });
});
