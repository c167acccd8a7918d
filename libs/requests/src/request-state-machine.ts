import { RequestState } from './request-types';

/**
 * The life of a rights request, as a pure table: state × action -> next state.
 *
 *   received -> awaiting-identity -> in-progress -> (extended) -> completed | refused | withdrawn | merged
 *
 * Actions that leave the state as it is (a message, a fee warning,
 * a rejected document) are listed too, so that every action a state does not
 * allow is an IllegalTransition (HTTP 409) in one place. Preconditions that
 * depend on more than the state (an extension already made, the first month over)
 * are checked by the services and answer 409 as well.
 */
export const REQUEST_ACTIONS = [
  /** Identity must be checked: the clock stands still (EDPB 01/2022 §159). */
  'await-identity',
  /** The requester typed the e-mail code (document methods: still waiting for the document). */
  'confirm-email',
  /** The requester uploaded an identity document. */
  'add-evidence',
  /** An admin asks for another document. */
  'reject-evidence',
  /** Identity established (e-mail code, or an admin after reviewing the document): the clock runs. */
  'verify-identity',
  /** Two further months (Art. 12(3)), only within the first month. */
  'extend',
  /** Art. 12(5): the subject is warned before a fee is charged. */
  'request-fee',
  /** An admin writes to the subject. */
  'message',
  /** An admin uploads a reply document for the subject (the state stays). */
  'reply',
  'complete',
  /** Art. 12(4), 12(5). */
  'refuse',
  /** By the subject. */
  'withdraw',
  /** A duplicate closed into its earlier request, which answers both (duplicates.ts; the earlier one's clock). */
  'merge',
  /** Closed as "identity not confirmed", the information then arrives: the request reopens with its original receipt. */
  'reopen',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

const TABLE: Record<RequestState, Partial<Record<RequestAction, RequestState>>> = {
  received: {
    'await-identity': 'awaiting-identity',
    'verify-identity': 'in-progress',
    message: 'received',
    reply: 'received',
    refuse: 'refused',
    withdraw: 'withdrawn',
    merge: 'merged',
  },
  'awaiting-identity': {
    'confirm-email': 'awaiting-identity',
    'add-evidence': 'awaiting-identity',
    'reject-evidence': 'awaiting-identity',
    'verify-identity': 'in-progress',
    message: 'awaiting-identity',
    reply: 'awaiting-identity',
    refuse: 'refused',
    withdraw: 'withdrawn',
    merge: 'merged',
  },
  'in-progress': {
    extend: 'extended',
    'request-fee': 'in-progress',
    message: 'in-progress',
    reply: 'in-progress',
    complete: 'completed',
    refuse: 'refused',
    withdraw: 'withdrawn',
    merge: 'merged',
  },
  extended: {
    'request-fee': 'extended',
    message: 'extended',
    reply: 'extended',
    complete: 'completed',
    refuse: 'refused',
    withdraw: 'withdrawn',
    merge: 'merged',
  },
  completed: {},
  refused: { reopen: 'awaiting-identity' },
  withdrawn: {},
  merged: {},
};

/** Why an action is not allowed in a state; the services answer it with 409. */
export class IllegalTransition {
  readonly message: string;
  constructor(readonly state: RequestState, readonly action: RequestAction, reason?: string) {
    this.message = reason ?? `cannot ${action.replace(/-/g, ' ')} a request in state '${state}'${allowedHint(state)}`;
  }
}

function allowedHint(state: RequestState): string {
  const allowed = Object.keys(TABLE[state]);
  return allowed.length ? ` (allowed there: ${allowed.join(', ')})` : ' (the request is closed)';
}

/** The state after `action`, or an IllegalTransition. Pure. */
export function nextState(state: RequestState, action: RequestAction): RequestState | IllegalTransition {
  const to = TABLE[state]?.[action];
  return to ?? new IllegalTransition(state, action);
}

/** The actions a state allows (for the admin's UI). */
export function allowedActions(state: RequestState): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => TABLE[state]?.[a] !== undefined);
}
