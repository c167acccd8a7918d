import { randomBytes } from 'node:crypto';

/**
 * What a stored e-mail shows where a secret (a code, a link's token) goes:
 * the secret itself is created only when the e-mail is sent and never stored.
 * Language-neutral, so every reader in every language sees the same mark.
 */
export const REDACTED_SECRET = '••••••';

/**
 * A placeholder: URL-safe and untouched by HTML escaping and the text part's
 * conversion, so it survives `encodeURIComponent`, Handlebars and htmlToText
 * unchanged. The row's nonce keeps text a subject typed (a name, details)
 * from posing as one.
 */
const PLACEHOLDER = /regula-secret-([0-9a-f]{16})-(\d{1,2})/g;

/** Which secrets an outbox e-mail carries: the kinds, in placeholder order, and the row's nonce. */
export interface StoredMailSecrets {
  nonce: string;
  kinds: string[];
}

/**
 * Random bytes drawn 2 kB at a time and handed out 8 at a time: a nonce from
 * its own `randomBytes(8)` call cost about 20 µs, two per filing (the same
 * source, read less often).
 */
let drawn = Buffer.alloc(0);
let next = 0;
function newNonce(): string {
  if (next + 8 > drawn.length) {
    drawn = randomBytes(2048);
    next = 0;
  }
  next += 8;
  return drawn.toString('hex', next - 8, next);
}

/**
 * The secrets of one e-mail being written: each `placeholder(kind)` goes into
 * the template data where the secret belongs; the delivery worker asks the
 * kind's minter for a fresh secret when it sends the e-mail and puts it there,
 * in the message it hands to SMTP only.
 */
export class MailSecrets {
  readonly nonce = newNonce();
  private readonly kinds: string[] = [];

  placeholder(kind: string): string {
    if (!/^[a-z][a-z0-9-]{0,62}$/.test(kind)) throw new Error(`invalid mail secret kind ${kind}`);
    const index = this.kinds.push(kind) - 1;
    return `regula-secret-${this.nonce}-${index}`;
  }

  toStored(): StoredMailSecrets | null {
    return this.kinds.length ? { nonce: this.nonce, kinds: [...this.kinds] } : null;
  }
}

/** Whether the text holds a secret's placeholder (a subject line never may: it shows in every inbox list and notification). */
export function holdsSecret(text: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(text);
}

/** The text as anyone reads it: every placeholder shown as the redaction mark. */
export function redactSecrets(text: string): string {
  return text.replace(PLACEHOLDER, REDACTED_SECRET);
}

/** The text as it is sent: the row's placeholders replaced by the secrets minted for this sending. */
export function fillSecrets(text: string, stored: StoredMailSecrets, values: string[]): string {
  return text.replace(PLACEHOLDER, (m, nonce: string, index: string) => (nonce === stored.nonce && values[Number(index)] !== undefined ? values[Number(index)] : m));
}
