import type { RightCode } from '@regula/engine';

/** The requests a data subject can file, and the GDPR right each exercises. */
export const REQUEST_TYPES = {
  access: 'A15',
  rectification: 'A16',
  erasure: 'A17',
  restriction: 'A18',
  portability: 'A20',
  objection: 'A21',
  'objection-direct-marketing': 'A21-2',
  'objection-automated': 'A22',
  'consent-withdrawal': 'A7-3',
  'recipients-in-period': 'recipients-in-period',
} as const satisfies Record<string, RightCode>;
export type RequestType = keyof typeof REQUEST_TYPES;

/** `merged`: a duplicate closed into its earlier request of the same subject, answered with it (duplicates.ts). */
export const REQUEST_STATES = ['received', 'awaiting-identity', 'in-progress', 'extended', 'completed', 'refused', 'withdrawn', 'merged'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const FINAL_STATES: readonly RequestState[] = ['completed', 'refused', 'withdrawn', 'merged'];
/** The states in which a request has been answered (a later repeat of it may be refused as `repeated`, Art. 12(5)). */
export const ANSWERED_STATES: readonly RequestState[] = ['completed', 'refused'];
export const ACTIVE_STATES: readonly RequestState[] = ['received', 'awaiting-identity', 'in-progress', 'extended'];

/**
 * Why a request is refused: Art. 12(5) (manifestly unfounded or excessive; `repeated`: excessive "in particular
 * because of [its] repetitive character", a request that repeats an earlier one already answered, duplicates.ts),
 * Art. 11(2)/12(6) (identity), no data held, or an exemption in law (Art. 23).
 */
export const REFUSAL_GROUNDS = ['manifestly-unfounded', 'excessive', 'repeated', 'identity-not-established', 'no-data', 'legal-exemption'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** How the requester's identity is checked (the tenant's `requests.identity`). */
export const IDENTITY_METHODS = ['email-link', 'signed-written-request', 'qualified-e-signature'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];
/** Methods that need a document on top of the e-mail code. */
export const DOCUMENT_METHODS: readonly IdentityMethod[] = ['signed-written-request', 'qualified-e-signature'];
