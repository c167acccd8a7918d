import type { RequestListItem } from '@regula/requests';

/**
 * Where a request's identity check stands, for the queue: the code is waited
 * for, a document is waited for, a document arrived and waits for review,
 * identity established, or the request closed without it.
 */
export type IdentityState = 'awaiting-email' | 'awaiting-document' | 'document-received' | 'confirmed' | 'not-confirmed';

export function identityStateOf(r: Pick<RequestListItem, 'state' | 'identityVerified' | 'emailVerifiedAt' | 'documentsPending' | 'identityMethod'>): IdentityState {
  if (r.identityVerified) return 'confirmed';
  if (r.state !== 'awaiting-identity') return 'not-confirmed';
  if (!r.emailVerifiedAt) return 'awaiting-email';
  return r.documentsPending > 0 ? 'document-received' : 'awaiting-document';
}
