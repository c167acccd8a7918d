import createClient from 'openapi-fetch';
import type { paths } from '../../../clients/typescript/regula-api';

/** What the journey saw, for the test to judge. */
export interface JourneyOutcome {
  reference: string;
  listed: string[];
  dueBefore: string;
  dueAfter: string;
  auditActions: string[];
}

/**
 * A compliance admin's day through the typed client generated from the
 * OpenAPI document: sign in, record a letter that asked for access, find it
 * in the queue by a filter, extend it with the reason, read the audit log.
 * Every call is typed by the document (the type check fails when the
 * document and this code disagree); every answer is the API's real one.
 */
export async function complianceJourney(baseUrl: string, login: { email: string; password: string }, slug: string, receivedAt: string): Promise<JourneyOutcome> {
  const api = createClient<paths>({ baseUrl });
  const signedIn = await api.POST('/api/v1/auth/login', { body: { email: login.email, password: login.password } });
  if (!signedIn.data) throw new Error(`sign-in refused: ${JSON.stringify(signedIn.error)}`);
  const headers = { Authorization: `Bearer ${signedIn.data.accessToken}` };
  const tenant = { slug };

  const recorded = await api.POST('/api/v1/tenants/{slug}/requests', {
    params: { path: tenant },
    headers,
    body: {
      channel: 'post',
      receivedAt,
      name: 'Mari Maasikas',
      email: 'mari.maasikas@example.ee',
      types: ['access'],
      locale: 'en',
      identityNote: 'Signed letter compared with the customer file',
    },
  });
  if (!recorded.data) throw new Error(`recording refused: ${JSON.stringify(recorded.error)}`);
  const reference = recorded.data.requests[0].reference;

  const list = await api.GET('/api/v1/tenants/{slug}/requests', { params: { path: tenant, query: { type: 'access', pageSize: 50 } }, headers });
  if (!list.data) throw new Error(`list refused: ${JSON.stringify(list.error)}`);

  const before = await api.GET('/api/v1/tenants/{slug}/requests/{reference}', { params: { path: { ...tenant, reference } }, headers });
  const extended = await api.POST('/api/v1/tenants/{slug}/requests/{reference}/extend', {
    params: { path: { ...tenant, reference } },
    headers,
    body: { reason: 'The request covers eleven years of treatment records kept in two systems.' },
  });
  if (!before.data || !extended.data) throw new Error(`extension refused: ${JSON.stringify(before.error ?? extended.error)}`);

  const audit = await api.GET('/api/v1/tenants/{slug}/audit', { params: { path: tenant, query: { limit: 20 } }, headers });
  if (!audit.data) throw new Error(`audit log refused: ${JSON.stringify(audit.error)}`);

  return {
    reference,
    listed: list.data.items.map((r) => r.reference),
    dueBefore: before.data.request.dueDate,
    dueAfter: extended.data.dueDate,
    auditActions: audit.data.map((e) => e.action),
  };
}
