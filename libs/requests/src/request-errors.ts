import { ConflictException, HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { IllegalTransition } from './request-state-machine';

/** 409 naming the state and the action. */
export class IllegalTransitionException extends ConflictException {
  constructor(t: IllegalTransition) {
    super({ statusCode: 409, error: 'Conflict', message: t.message, state: t.state, action: t.action });
  }
}

/** 429 with the seconds to wait (the controller sets Retry-After from it). */
export class RequestRateLimitedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super({ statusCode: 429, error: 'Too Many Requests', message: 'too many requests; try again later', retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}

export function requestNotFound(reference?: string): NotFoundException {
  return new NotFoundException(reference ? `no request ${reference}` : 'no such request');
}

/** Throws the 409 when `next` is an IllegalTransition, else returns it. */
export function orConflict<T>(next: T | IllegalTransition): T {
  if (next instanceof IllegalTransition) throw new IllegalTransitionException(next);
  return next;
}
