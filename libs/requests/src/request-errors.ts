import { ConflictError, NotFoundError, TooManyRequestsError } from '@regula/platform';
import { IllegalTransition } from './request-state-machine';

/** 409 naming the state and the action. */
export class IllegalTransitionError extends ConflictError {
  constructor(t: IllegalTransition) {
    super(t.message, { state: t.state, action: t.action });
  }
}

/** 429 with the seconds to wait (the controller sets Retry-After from it). */
export class RequestRateLimitedError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super('too many requests; try again later', retryAfterSeconds, { retryAfterSeconds });
  }
}

export function requestNotFound(reference?: string): NotFoundError {
  return new NotFoundError(reference ? `no request ${reference}` : 'no such request');
}

/** Throws the 409 when `next` is an IllegalTransition, else returns it. */
export function orConflict<T>(next: T | IllegalTransition): T {
  if (next instanceof IllegalTransition) throw new IllegalTransitionError(next);
  return next;
}
