import { boardPage, esc } from './board-page';

/** The queue dashboard's sign-in page: a plain form, no scripts, nothing from third parties. */

/** `csrf`: the HMAC of the sign-in nonce cookie (login CSRF, as on the dashboard's sign-in). */
export function loginPage(basePath: string, message: string | null, csrf: string): string {
  return boardPage({
    lang: 'en',
    title: 'Regula queues: sign in',
    width: 360,
    body: `<h1>Queue dashboard</h1>
<p>For platform administrators.</p>
${message ? `<p class="error" role="alert">${esc(message)}</p>` : ''}
<form method="post" action="${esc(basePath)}/login">
<input type="hidden" name="_csrf" value="${esc(csrf)}">
<label for="email">E-mail</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>`,
  });
}

export function deniedPage(basePath: string, status: 401 | 403): string {
  const why = status === 401 ? 'Sign in as a platform administrator to see the queues.' : 'The queue dashboard is for platform administrators only.';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Regula queues</title></head>
<body style="font-family:system-ui,Arial,sans-serif"><main style="max-width:420px;margin:10vh auto">
<h1>${status === 401 ? 'Sign-in required' : 'Not allowed'}</h1><p>${why}</p><p><a href="${esc(basePath)}/login">Sign in</a></p>
</main></body></html>`;
}
