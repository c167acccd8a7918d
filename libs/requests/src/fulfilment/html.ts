/**
 * Small helpers for the self-contained HTML answers (access package,
 * recipients report): everything interpolated is escaped, the page loads
 * nothing from outside (inline style, a CSP that forbids every fetch).
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  const s = value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value, null, 2) : String(value);
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A value shown in a table cell: text as is, structured values pretty-printed. */
export function valueHtml(value: unknown): string {
  if (value !== null && typeof value === 'object') return `<pre>${esc(value)}</pre>`;
  return esc(value);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem;border-bottom:3px solid #444;padding-bottom:.3rem}
h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:1px solid #bbb}
h3{font-size:1.05rem;margin-top:1.2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f2f2f2}
pre{margin:0;white-space:pre-wrap;word-break:break-word;font-size:.9em}
.meta{color:#555}
.note{background:#fff6d6;border-left:4px solid #c99700;padding:.3rem .6rem}
section.register{margin-top:2rem}
`;

/** A complete, self-contained page. `body` must already be escaped HTML. */
export function htmlPage(lang: string, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
