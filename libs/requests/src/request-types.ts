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

export const REQUEST_STATES = ['received', 'awaiting-identity', 'in-progress', 'extended', 'completed', 'refused', 'withdrawn'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const FINAL_STATES: readonly RequestState[] = ['completed', 'refused', 'withdrawn'];
