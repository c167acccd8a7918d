import { MailBranding } from './mail-branding';
import { MailRenderer, MailTemplate, RenderedMail } from './mail-renderer';
import { holdsSecret } from './secrets/mail-secrets';

/**
 * What an e-mail rendered later is rendered from (`outbox_emails.render_input`):
 * a web filing writes this instead of the rendered message, and the worker
 * renders it when it sends (issue 16 §2: the two e-mails' rendering was a
 * quarter of a filing's time on the request path). The branding is the one
 * the filing saw, so the message is the one it would have rendered.
 */
export interface RenderInput {
  branding: MailBranding;
  template: MailTemplate;
  locale: string;
  data: Record<string, unknown>;
}

/** The renderer of the process (its templates are compiled once). */
let shared: MailRenderer | undefined;
export function sharedMailRenderer(): MailRenderer {
  shared ??= new MailRenderer();
  return shared;
}

/**
 * Renders an e-mail and checks it: a code or a link's token never goes in a
 * subject line (lock screens, inbox lists and notifications show it to anyone nearby).
 */
export function renderChecked(renderer: MailRenderer, input: RenderInput): RenderedMail {
  const rendered = renderer.render(input.branding, input.template, input.locale, input.data);
  if (holdsSecret(rendered.subject)) throw new Error(`the subject line of ${input.template} would carry a secret`);
  return rendered;
}

const DATE = '$date';

/** Dates kept as dates through JSON (`{"$date": iso}`; a form's strings never become dates). */
function tagDates(v: unknown): unknown {
  if (v instanceof Date) return { [DATE]: v.toISOString() };
  if (Array.isArray(v)) return v.map(tagDates);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tagDates(x)]));
  return v;
}

function untagDates(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(untagDates);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === DATE && typeof o[DATE] === 'string') return new Date(o[DATE]);
    return Object.fromEntries(keys.map((k) => [k, untagDates(o[k])]));
  }
  return v;
}

/** The input as stored in the row's jsonb. */
export function storedRenderInput(input: RenderInput): Record<string, unknown> {
  return { ...input, data: tagDates(input.data) };
}

/** A row's stored input rendered: the message the worker sends (and a reader sees before it is sent). */
export function renderStored(stored: Record<string, unknown>): RenderedMail {
  const input = stored as unknown as RenderInput;
  return renderChecked(sharedMailRenderer(), { ...input, data: untagDates(input.data) as Record<string, unknown> });
}
