/** The queue dashboard's sign-in page: a plain form, no scripts, nothing from third parties. */

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `csrf`: the HMAC of the sign-in nonce cookie (login CSRF, as on the dashboard's sign-in). */
export function loginPage(basePath: string, message: string | null, csrf: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Regula queues: sign in</title>
<style>
body{font-family:system-ui,Arial,sans-serif;background:#f3f4f6;color:#1f2937;margin:0}
main{max-width:360px;margin:10vh auto;background:#fff;padding:24px 28px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
label{display:block;margin:14px 0 4px;font-weight:600}
input{width:100%;box-sizing:border-box;padding:8px;font-size:16px;border:1px solid #9ca3af;border-radius:4px}
button{margin-top:18px;padding:9px 16px;font-size:16px;background:#1F3A5F;color:#fff;border:0;border-radius:4px;cursor:pointer}
p.error{color:#991b1b;background:#fee2e2;padding:8px;border-radius:4px}
</style>
</head>
<body>
<main>
<h1>Queue dashboard</h1>
<p>For platform administrators.</p>
${message ? `<p class="error" role="alert">${esc(message)}</p>` : ''}
<form method="post" action="${esc(basePath)}/login">
<input type="hidden" name="_csrf" value="${esc(csrf)}">
<label for="email">E-mail</label>
<input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`;
}

export function deniedPage(basePath: string, status: 401 | 403): string {
  const why = status === 401 ? 'Sign in as a platform administrator to see the queues.' : 'The queue dashboard is for platform administrators only.';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Regula queues</title></head>
<body style="font-family:system-ui,Arial,sans-serif"><main style="max-width:420px;margin:10vh auto">
<h1>${status === 401 ? 'Sign-in required' : 'Not allowed'}</h1><p>${why}</p><p><a href="${esc(basePath)}/login">Sign in</a></p>
</main></body></html>`;
}
