import { IllegalTransition, REQUEST_ACTIONS, RequestAction, allowedActions, nextState } from './request-state-machine';
import { FINAL_STATES, REQUEST_STATES, RequestState } from './request-types';

/**
 * The expected table, written out independently of the implementation: every
 * pair not listed here must be an IllegalTransition.
 */
const EXPECTED: Record<RequestState, Partial<Record<RequestAction, RequestState>>> = {
  received: {
    'await-identity': 'awaiting-identity', 'verify-identity': 'in-progress',
    message: 'received', reply: 'received', refuse: 'refused', withdraw: 'withdrawn', merge: 'merged',
  },
  'awaiting-identity': {
    'confirm-email': 'awaiting-identity', 'add-evidence': 'awaiting-identity', 'reject-evidence': 'awaiting-identity',
    'verify-identity': 'in-progress', message: 'awaiting-identity', reply: 'awaiting-identity', refuse: 'refused', withdraw: 'withdrawn', merge: 'merged',
  },
  'in-progress': {
    extend: 'extended', 'request-fee': 'in-progress', message: 'in-progress', reply: 'in-progress',
    complete: 'completed', refuse: 'refused', withdraw: 'withdrawn', merge: 'merged',
  },
  extended: {
    'request-fee': 'extended', message: 'extended', reply: 'extended',
    complete: 'completed', refuse: 'refused', withdraw: 'withdrawn', merge: 'merged',
  },
  completed: {},
  refused: { reopen: 'awaiting-identity' },
  withdrawn: {},
  merged: {},
};

describe('request state machine', () => {
  const pairs = REQUEST_STATES.flatMap((s) => REQUEST_ACTIONS.map((a) => [s, a] as const));

  it('covers every state and action (8 × 14 pairs)', () => {
    expect(REQUEST_STATES).toHaveLength(8);
    expect(REQUEST_ACTIONS).toHaveLength(14);
    expect(pairs).toHaveLength(112);
  });

  it.each(pairs)('%s × %s', (state, action) => {
    const result = nextState(state, action);
    const expected = EXPECTED[state][action];
    if (expected) {
      expect(result).toBe(expected);
    } else {
      expect(result).toBeInstanceOf(IllegalTransition);
      const t = result as IllegalTransition;
      expect(t.state).toBe(state);
      expect(t.action).toBe(action);
      // The 409 message names the state and the action.
      expect(t.message).toContain(`'${state}'`);
      expect(t.message).toContain(action.replace(/-/g, ' '));
    }
  });

  it('leaves the final states by no action, except a refusal for identity not confirmed reopening (the service checks the ground)', () => {
    for (const s of FINAL_STATES) {
      expect(allowedActions(s)).toEqual(s === 'refused' ? ['reopen'] : []);
      for (const a of REQUEST_ACTIONS) if (!(s === 'refused' && a === 'reopen')) expect(nextState(s, a)).toBeInstanceOf(IllegalTransition);
    }
  });

  it('extends only a request in progress, once (an extended request cannot be extended again)', () => {
    expect(nextState('in-progress', 'extend')).toBe('extended');
    expect(nextState('extended', 'extend')).toBeInstanceOf(IllegalTransition);
    expect(nextState('awaiting-identity', 'extend')).toBeInstanceOf(IllegalTransition);
  });

  it('completes only once identity is established', () => {
    expect(nextState('received', 'complete')).toBeInstanceOf(IllegalTransition);
    expect(nextState('awaiting-identity', 'complete')).toBeInstanceOf(IllegalTransition);
  });

  it('lists the allowed actions of a state in the order of REQUEST_ACTIONS', () => {
    expect(allowedActions('awaiting-identity')).toEqual(['confirm-email', 'add-evidence', 'reject-evidence', 'verify-identity', 'message', 'reply', 'refuse', 'withdraw', 'merge']);
    const msg = (nextState('completed', 'extend') as IllegalTransition).message;
    expect(msg).toBe("cannot extend a request in state 'completed' (the request is closed)");
  });
});
