import type request from 'supertest';

type Http = ReturnType<typeof request>;

/** What a fulfilment answered, or, for an access package the worker built, the answer as the build finished (status 200, like a fulfilment done at once). */
export interface FulfilAnswer {
  status: number;
  body: request.Response['body'];
}

/**
 * Waits for the access package a confirmation started (202) and answers as the
 * finished build does: the request's state, its outcome with the files and the
 * result. Polls `GET …/package-build` (the suite runs the packages worker:
 * `startApi(…, { packageWorker: true })`); a build that fails is returned as is.
 */
export async function settledFulfilment(http: () => Http, slug: string, reference: string, bearer: string, answer: request.Response): Promise<FulfilAnswer> {
  if (answer.status !== 202) return answer;
  for (let i = 0; i < 2400; i++) {
    const res = await http().get(`/api/v1/tenants/${slug}/requests/${reference}/package-build`).set('Authorization', `Bearer ${bearer}`);
    const status = res.body?.build?.status;
    if (status === 'done') return { status: 200, body: { reference: res.body.reference, type: res.body.type, state: res.body.state, outcome: res.body.outcome, result: res.body.result } };
    if (status === 'failed') return { status: 500, body: res.body };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the access package of ${reference} was not built: is the packages worker running?`);
}
