import { boardPage, esc } from './board-page';

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
  return boardPage({
    lang: v.lang,
    title: t('queuesBoard.title'),
    width: 520,
    body: `<h1>${esc(t('queuesBoard.title'))}</h1>
${v.error ? `<p class="error" role="alert">${esc(v.error)}</p>` : ''}
${state}
<p>${esc(t('queuesBoard.explain', { minutes: v.minutes }))}</p>
<p><a href="${esc(v.basePath)}">${esc(t('queuesBoard.back'))}</a></p>`,
  });
}
