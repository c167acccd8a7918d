import { DEMO_PASSWORD, Harness } from './api-harness';

/**
 * Signs in at the queue board's form as a browser does: loads the page (its
 * `regula_login` nonce cookie and `_csrf` field), then posts them with the form.
 */
export async function queueBoardSignIn(h: Harness, email: string, password = DEMO_PASSWORD) {
  const page = await h.http().get('/admin/queues/login');
  const nonce = ((page.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((c) => c.startsWith('regula_login='))!.split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
  return h.http().post('/admin/queues/login').set('Cookie', nonce).type('form').send({ email, password, _csrf: csrf });
}
