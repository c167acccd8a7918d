/**
 * Reading the public pages the way a browser would: the values the subject
 * sees or follows (reference, due date, status link, state, download links),
 * with Handlebars' HTML escaping undone.
 */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&#x60;': '`', '&#x3D;': '=' };

export function decodeHtml(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|#x27|#39|#x60|#x3D);/g, (e) => ENTITIES[e]);
}

/** What Handlebars writes for a value: the form to look for in a page. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`=]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' })[c]!);
}

function match(html: string, re: RegExp, what: string): string {
  const m = re.exec(html);
  if (!m) throw new Error(`no ${what} in the page:\n${html.slice(0, 2000)}`);
  return decodeHtml(m[1]);
}

export interface Confirmation {
  reference: string;
  /** The secret of the status link (also in the code form). */
  token: string;
  /** The status link as the page gives it (path and query). */
  statusLink: string;
  /** `<time datetime>` of the due date. */
  dueDate: string;
}

/** The confirmation page after filing a form. */
export function readConfirmation(html: string): Confirmation {
  const statusLink = match(html, /<a href="([^"]+)" id="status-link">/, 'status link');
  const token = new URL(statusLink, 'http://x').searchParams.get('token');
  if (!token) throw new Error(`the status link has no token: ${statusLink}`);
  return {
    reference: match(html, /id="reference">([^<]+)</, 'reference'),
    token,
    statusLink,
    dueDate: match(html, /<time datetime="(\d{4}-\d{2}-\d{2})" id="due-date">/, 'due date'),
  };
}

export interface StatusPage {
  state: string;
  downloads: { href: string; label: string }[];
  html: string;
}

/** The status page: the state as shown, the download links (with the token the page adds). */
export function readStatus(html: string): StatusPage {
  return {
    state: match(html, /id="state">([^<]+)</, 'state'),
    downloads: [
      ...[...html.matchAll(/<li><a href="([^"]+)" download>([^<]+)<\/a><\/li>/g)].map(([, href, label]) => ({ href: decodeHtml(href), label: decodeHtml(label) })),
      ...packageDownloads(html),
    ],
    html,
  };
}

/**
 * The data package's files (issue 14 §4): no link, a form that downloads with a
 * fresh e-mail code. Each file reads as the form's action with the file and the
 * status token added, which JourneyClient.download follows with a code.
 */
function packageDownloads(html: string): { href: string; label: string }[] {
  const section = /<section class="panel" id="downloads"[\s\S]*?<\/section>/.exec(html)?.[0];
  const form = section && /<form method="post" action="([^"]+\/download(?:\?[^"]*)?)" novalidate>\s*<input type="hidden" name="token" value="([^"]+)">/.exec(section);
  if (!section || !form) return [];
  const action = decodeHtml(form[1]);
  const token = decodeHtml(form[2]);
  return [...section.matchAll(/name="file" value="([^"]+)"[^>]*><label for="[^"]+">([^<]+)<\/label>/g)].map(([, id, label]) => ({
    href: `${action}${action.includes('?') ? '&' : '?'}file=${encodeURIComponent(id)}&token=${encodeURIComponent(token)}`,
    label: decodeHtml(label),
  }));
}

/** The values of a form's checkboxes of one name. */
export function checkboxValues(html: string, name: string): string[] {
  return [...html.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)]
    .map(([tag]) => tag)
    .filter((tag) => tag.includes(`name="${name}"`))
    .map((tag) => decodeHtml(/value="([^"]*)"/.exec(tag)![1]));
}
