import type { Response } from 'supertest';
import { AdminClient } from './admin-client';
import { Harness } from './api-harness';

/**
 * Posts a dashboard form as multipart/form-data, as a browser submits a form
 * with `enctype="multipart/form-data"`: the fields in order (`_csrf` first,
 * as the hidden input comes first in the form), then the file.
 */
export async function uploadForm(
  h: Harness,
  c: AdminClient,
  action: string,
  fields: Record<string, string>,
  file?: { field: string; name: string; body: Buffer; contentType?: string },
): Promise<Response> {
  let req = h.http().post(action).set('Cookie', [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  if (file) req = req.attach(file.field, file.body, { filename: file.name, contentType: file.contentType ?? 'application/octet-stream' });
  return req;
}

/** Opens `page` and submits its multipart form to `action` with the page's CSRF token. */
export async function submitUpload(
  h: Harness,
  c: AdminClient,
  page: string,
  action: string,
  fields: Record<string, string>,
  file?: { field: string; name: string; body: Buffer; contentType?: string },
): Promise<Response> {
  const p = await c.get(page);
  return uploadForm(h, c, action, { _csrf: AdminClient.csrfOf(p.text), ...fields }, file);
}
