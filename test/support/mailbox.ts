import type { Harness } from './api-harness';
import { MailDeliveryService } from '@regula/mail';
import { fakeSmtp, FakeSmtp } from '@regula/mail/testing';

/** One e-mail as the recipient's mailbox got it (decoded). */
export interface ReceivedMail {
  emailId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

function decodeQuotedPrintable(s: string): string {
  const bytes: number[] = [];
  const src = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '=' && /^[0-9A-F]{2}$/i.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(src[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.indexOf('\n\n');
  const head = (at < 0 ? raw : raw.slice(0, at)).replace(/\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { headers, body: at < 0 ? '' : raw.slice(at + 2) };
}

function decodeBody(headers: Record<string, string>, body: string): string {
  const enc = (headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (enc === 'quoted-printable') return decodeQuotedPrintable(body);
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** The DATA of one SMTP message (as nodemailer writes it), decoded: headers, text and HTML parts. */
export function parseMessage(raw: string): ReceivedMail {
  const data = raw.replace(/^\.\./gm, '.');
  const { headers, body } = splitHead(data);
  const parts: { type: string; content: string }[] = [];
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (boundary) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break;
      const part = splitHead(chunk.replace(/^\n/, ''));
      parts.push({ type: (part.headers['content-type'] ?? '').toLowerCase(), content: decodeBody(part.headers, part.body) });
    }
  } else parts.push({ type: (headers['content-type'] ?? '').toLowerCase(), content: decodeBody(headers, body) });
  return {
    emailId: headers['x-regula-email-id'] ?? '',
    to: headers.to ?? '',
    subject: decodeWords(headers.subject ?? ''),
    text: parts.find((p) => p.type.startsWith('text/plain'))?.content ?? '',
    html: parts.find((p) => p.type.startsWith('text/html'))?.content ?? '',
  };
}

/**
 * The test SMTP sink: an API started with `smtpUrl` queues its e-mails, and
 * `deliver` sends the pending ones as the worker does (MailDeliveryService,
 * secrets minted at sending), so tests read codes and links from the e-mail
 * the subject receives, never from the outbox table.
 */
export class Mailbox {
  /** Each raw message's parse, by its text. */
  private readonly parsed = new Map<string, ReceivedMail>();

  private constructor(readonly smtp: FakeSmtp) {}

  static async start(): Promise<Mailbox> {
    return new Mailbox(await fakeSmtp());
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.smtp.port}`;
  }

  /** Sends every pending e-mail of the harness's database, oldest first; the number sent. */
  async deliver(h: Harness): Promise<number> {
    const rows: { id: string; tenant_id: string }[] = await h.db.owner.query(`SELECT id, tenant_id FROM outbox_emails WHERE status = 'pending' ORDER BY created_at, id`);
    const delivery = h.app.get(MailDeliveryService);
    for (const r of rows) await delivery.deliver(r.tenant_id, r.id, { finalAttempt: false, mayBeUncommitted: false });
    return rows.length;
  }

  /** Every message received so far, oldest first (each parsed once: a suite asking for each request's code parsed every message again each time). */
  received(): ReceivedMail[] {
    return this.smtp.messages.map((raw) => {
      let mail = this.parsed.get(raw);
      if (!mail) this.parsed.set(raw, (mail = parseMessage(raw)));
      return mail;
    });
  }

  /** The request's e-mails as received (after delivering what is pending), oldest first; `template` filters. */
  async forRequest(h: Harness, reference: string, template?: string): Promise<(ReceivedMail & { template: string })[]> {
    await this.deliver(h);
    const rows: { id: string; template: string }[] = await h.db.owner.query(
      `SELECT e.id, e.template FROM outbox_emails e JOIN rights_requests r ON r.id = e.request_id WHERE r.reference = $1`,
      [reference],
    );
    const templates = new Map(rows.map((r) => [r.id, r.template]));
    return this.received()
      .filter((m) => templates.has(m.emailId))
      .map((m) => ({ ...m, template: templates.get(m.emailId)! }))
      .filter((m) => !template || m.template === template);
  }

  /** The code of the request's latest verification e-mail, as the subject reads it (its subject line). */
  async code(h: Harness, reference: string): Promise<string> {
    const mails = await this.forRequest(h, reference, 'verify-email');
    // The code is in the text only, never in the subject line.
    const m = /(?<![0-9A-Za-z=])(\d{6})(?![0-9A-Za-z])/.exec(mails[mails.length - 1]?.text ?? '');
    if (!m) throw new Error(`no verification code received for ${reference}`);
    return m[1];
  }

  /** The status link's token in the request's latest e-mail of `template` that carries one. */
  async linkToken(h: Harness, reference: string, template = 'request-received'): Promise<string> {
    const mails = await this.forRequest(h, reference, template);
    const m = /[?&]token=([A-Za-z0-9_-]+)/.exec(mails[mails.length - 1]?.text ?? '');
    if (!m) throw new Error(`no status link received for ${reference} (${template})`);
    return m[1];
  }

  /** The path and query of the verify link in the request's latest verification e-mail (`/t/<slug>/requests/<ref>/verify?token=…&code=…`). */
  async verifyLink(h: Harness, reference: string): Promise<string> {
    const mails = await this.forRequest(h, reference, 'verify-email');
    const m = /https?:\/\/[^/\s]+(\/t\/[^\s]+\/verify\?token=[A-Za-z0-9_-]+&code=\d{6})/.exec(mails[mails.length - 1]?.text ?? '');
    if (!m) throw new Error(`no verify link received for ${reference}`);
    return m[1];
  }

  close(): Promise<void> {
    return this.smtp.close();
  }
}
