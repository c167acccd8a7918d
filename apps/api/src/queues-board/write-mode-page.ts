import { esc } from './login-page';

/** A translator of the dashboard's catalogues (AdminPages.t). */
type T = (key: string, vars?: Record<string, string | number>) => string;

export interface WriteModeView {
  lang: string;
  basePath: string;
  /** Until when this session may write, or null (read-only). */
  until: Date | null;
  minutes: number;
  /** The form's CSRF token (empty for a bearer token, which needs none). */
  csrf: string;
  error: string | null;
}

/** The page that switches the board between read-only and write mode: a plain form, no scripts. */
export function writeModePage(t: T, v: WriteModeView): string {
  const action = `${esc(v.basePath)}/write-mode`;
  const hidden = `<input type="hidden" name="_csrf" value="${esc(v.csrf)}">`;
  const state = v.until
    ? `<p>${esc(t('queuesBoard.onUntil', { until: v.until.toISOString().slice(0, 16).replace('T', ' ') }))}</p>
<form method="post" action="${action}">${hidden}<input type="hidden" name="mode" value="read"><button type="submit">${esc(t('queuesBoard.switchOff'))}</button></form>`
    : `<p>${esc(t('queuesBoard.readOnly'))}</p>
<form method="post" action="${action}">${hidden}<input type="hidden" name="mode" value="write">
<label for="reason">${esc(t('queuesBoard.reason'))}</label>
<textarea id="reason" name="reason" maxlength="500" required rows="3"></textarea>
<button type="submit">${esc(t('queuesBoard.switchOn', { minutes: v.minutes }))}</button></form>`;
  return `<!DOCTYPE html>
<html lang="${esc(v.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(t('queuesBoard.title'))}</title>
<style>
body{font-family:system-ui,Arial,sans-serif;background:#f3f4f6;color:#1f2937;margin:0}
main{max-width:520px;margin:10vh auto;background:#fff;padding:24px 28px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
label{display:block;margin:14px 0 4px;font-weight:600}
textarea{width:100%;box-sizing:border-box;padding:8px;font-size:16px;border:1px solid #9ca3af;border-radius:4px}
button{margin-top:18px;padding:9px 16px;font-size:16px;background:#1F3A5F;color:#fff;border:0;border-radius:4px;cursor:pointer}
p.error{color:#991b1b;background:#fee2e2;padding:8px;border-radius:4px}
</style>
</head>
<body>
<main>
<h1>${esc(t('queuesBoard.title'))}</h1>
${v.error ? `<p class="error" role="alert">${esc(v.error)}</p>` : ''}
${state}
<p>${esc(t('queuesBoard.explain', { minutes: v.minutes }))}</p>
<p><a href="${esc(v.basePath)}">${esc(t('queuesBoard.back'))}</a></p>
</main>
</body>
</html>`;
}
