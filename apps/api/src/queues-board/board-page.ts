/** The queue dashboard's own pages (sign-in, write mode): one plain shell, no scripts, nothing from third parties. */

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `body` is HTML already escaped by the caller; `width` the column's width in px. */
export function boardPage(v: { lang: string; title: string; width: number; body: string }): string {
  return `<!DOCTYPE html>
<html lang="${esc(v.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(v.title)}</title>
<style>
body{font-family:system-ui,Arial,sans-serif;background:#f3f4f6;color:#1f2937;margin:0}
main{max-width:${v.width}px;margin:10vh auto;background:#fff;padding:24px 28px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
label{display:block;margin:14px 0 4px;font-weight:600}
input,textarea{width:100%;box-sizing:border-box;padding:8px;font-size:16px;border:1px solid #9ca3af;border-radius:4px}
button{margin-top:18px;padding:9px 16px;font-size:16px;background:#1F3A5F;color:#fff;border:0;border-radius:4px;cursor:pointer}
p.error{color:#991b1b;background:#fee2e2;padding:8px;border-radius:4px}
</style>
</head>
<body>
<main>
${v.body}
</main>
</body>
</html>`;
}
