import type request from 'supertest';

/**
 * Fulfils a request as every client must (issue 14 §3): the preview with the
 * type's input, then that preview confirmed by its `previewId`. A preview that
 * fails (bad input, a request not in progress) is returned as the answer.
 */
export async function fulfilPreviewed(
  http: ReturnType<typeof request>, slug: string, reference: string, bearer: string, body: object = {},
): Promise<request.Response> {
  const base = `/api/v1/tenants/${slug}/requests/${reference}`;
  const preview = await http.post(`${base}/fulfil/preview`).set('Authorization', `Bearer ${bearer}`).send(body);
  if (preview.status !== 200) return preview;
  return http.post(`${base}/fulfil?previewId=${preview.body.previewId}`).set('Authorization', `Bearer ${bearer}`).send({});
}
