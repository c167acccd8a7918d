import type { AddressObject, ParsedMail } from 'mailparser';
import { attachedMessage } from './attached-message';

/** An intake message Regula cannot read as a request (no sender address, not a message): answered `554`. */
export class MalformedMessageError extends Error {}

export interface MailAddress {
  address: string;
  name: string;
}

export interface AttachmentInfo {
  filename: string | null;
  contentType: string;
  size: number;
}

/** What a message (or the original inside a forward) says, as the intake reads it. */
export interface MessageView {
  from: MailAddress | null;
  subject: string;
  text: string;
  /** `Received` headers, topmost (the last hop) first. */
  received: string[];
  /** The `Date` header as written. */
  date: string | null;
  attachments: AttachmentInfo[];
}

export interface IntakeView extends MessageView {
  /** The original of a forward: an attached message/rfc822, else the header block quoted in the text. */
  original: MessageView | null;
  /** The subject marks a forward ("Fwd:", "Fw:", "VS:", ...). */
  forwardSubject: boolean;
}

const FORWARD_SUBJECT = /^\s*(?:fwd?|fw|vs|vb|tov|edasi|pārsūt\w*|pers\w*)\s*:/i;
/** Header lines of a forward quoted in the text, as mail programs write them in Regula's languages. */
const QUOTED_FROM = /^[>\s]*(?:from|från|saatja|kellelt|no|nuo|von)\s*:\s*(.+)$/im;
const QUOTED_DATE = /^[>\s]*(?:date|sent|datum|skickat|saadetud|kuupäev|nosūtīts|datums|išsiųsta|data)\s*:\s*(.+)$/im;
const ADDRESS = /<?([^\s<>"@]+@[^\s<>"@]+\.[^\s<>"@]+)>?/;

function firstAddress(a: AddressObject | AddressObject[] | undefined): MailAddress | null {
  const list = ([] as AddressObject[]).concat(a ?? []).flatMap((o) => o.value);
  const found = list.find((v) => v.address && v.address.includes('@'));
  return found?.address ? { address: found.address.toLowerCase(), name: (found.name ?? '').trim() } : null;
}

function headerList(mail: ParsedMail, name: string): string[] {
  const v = mail.headerLines.filter((h) => h.key === name).map((h) => h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
  return v;
}

function viewOf(mail: ParsedMail): MessageView {
  const dateLine = headerList(mail, 'date')[0] ?? null;
  return {
    from: firstAddress(mail.from),
    subject: (mail.subject ?? '').trim(),
    text: mail.text ?? '',
    received: headerList(mail, 'received'),
    date: dateLine,
    attachments: mail.attachments.map((a) => ({ filename: a.filename ?? null, contentType: a.contentType, size: a.size })),
  };
}

/** The header block of a forward quoted in the text ("From: ... / Date: ..."), as a view without headers of its own. */
export function quotedOriginal(text: string): MessageView | null {
  const from = QUOTED_FROM.exec(text);
  const address = from ? ADDRESS.exec(from[1]) : null;
  if (!from || !address) return null;
  const rest = text.slice(from.index);
  const date = QUOTED_DATE.exec(rest);
  const name = from[1].replace(ADDRESS, '').replace(/["']/g, '').trim();
  return { from: { address: address[1].toLowerCase(), name }, subject: '', text: rest, received: [], date: date ? date[1].trim() : null, attachments: [] };
}

/** Parses a message with mailparser; throws MalformedMessageError when it has no sender address. */
export async function readIntakeMessage(raw: Buffer): Promise<IntakeView> {
  // Loaded on first use: only the API's e-mail intake parses messages, and mailparser (about 100
  // modules with its encodings) weighed on every process that loads libs/requests, the worker too.
  const { simpleParser } = await import('mailparser');
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipHtmlToText: false, skipImageLinks: true, skipTextLinks: true });
  } catch (e) {
    throw new MalformedMessageError(`the message could not be parsed (${e instanceof Error ? e.message : String(e)})`);
  }
  const view = viewOf(mail);
  if (!view.from) throw new MalformedMessageError('the message has no From address');
  // A forward as attachment: cut from the raw message (mailparser inlines an inline one), else as mailparser lists it.
  const attached = attachedMessage(raw) ?? mail.attachments.find((a) => a.contentType.toLowerCase() === 'message/rfc822')?.content ?? null;
  let original: MessageView | null = null;
  if (attached) {
    try {
      const inner = viewOf(await simpleParser(attached, { skipImageLinks: true, skipTextLinks: true }));
      if (inner.from) original = inner;
    } catch {
      original = null; // an unreadable attachment is just an attachment
    }
  }
  const forwardSubject = FORWARD_SUBJECT.test(view.subject);
  if (!original && forwardSubject) original = quotedOriginal(view.text);
  return { ...view, original, forwardSubject };
}
