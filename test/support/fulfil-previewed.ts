import type request from 'supertest';
import { settledFulfilment, type FulfilAnswer } from './package-build-wait';

/**
 * Fulfils a request as every client must (issue 14 §3): the preview with the
 * type's input, then that preview confirmed by its `previewId`. A preview that
 * fails (bad input, a request not in progress) is returned as the answer. An
 * access package the worker builds (202) is waited for: the answer is the
 * finished build's (the suite runs the packages worker).
 */
export async function fulfilPreviewed(
  http: () => ReturnType<typeof request>, slug: string, reference: string, bearer: string, body: object = {},
): Promise<FulfilAnswer> {
  const base = `/api/v1/tenants/${slug}/requests/${reference}`;
  const preview = await http().post(`${base}/fulfil/preview`).set('Authorization', `Bearer ${bearer}`).send(body);
  if (preview.status !== 200) return preview;
  const answer = await http().post(`${base}/fulfil?previewId=${preview.body.previewId}`).set('Authorization', `Bearer ${bearer}`).send({});
  return settledFulfilment(http, slug, reference, bearer, answer);
}
