/**
 * What a lib refuses, said without HTTP: the apps map each kind to their own
 * answer (the API to a status and `{ statusCode, message, error }`, the CLI to
 * a line on stderr). `detail` is the message the answer carries (a list when
 * it names fields, as the validation answers do); `extra` holds further facts
 * the answer shows beside it (findings, problems, the refused state...).
 */
export type DomainErrorKind =
  | 'invalid-input'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'too-large'
  | 'unprocessable'
  | 'too-many-requests'
  | 'unavailable'
  | 'failed';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** The message (a list naming fields, or one sentence); undefined: only the kind is said. */
  readonly detail: string | string[] | undefined;
  /** Facts the answer carries beside the message. */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(detail?: string | string[], extra: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(Array.isArray(detail) ? detail.join('; ') : (detail ?? ''), options);
    this.name = new.target.name;
    this.detail = detail;
    this.extra = extra;
  }
}

/** Input the operation cannot take (the message names the field). */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid-input' as const;
}

/** Who asks is not known (no or a bad credential). */
export class UnauthorizedError extends DomainError {
  readonly kind = 'unauthorized' as const;
}

/** Who asks is known and may not do this. */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}

/** No such thing (or one the asker may not see: said the same way). */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found' as const;
}

/** The thing's state refuses the operation (already exists, changed meanwhile, wrong state). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

/** The content is larger than allowed. */
export class TooLargeError extends DomainError {
  readonly kind = 'too-large' as const;
}

/** Well-formed input the rules refuse as a whole (a register the linter fails, an incomplete notice). */
export class UnprocessableError extends DomainError {
  readonly kind = 'unprocessable' as const;
}

/** A limit is reached: try again after `retryAfterSeconds`. */
export class TooManyRequestsError extends DomainError {
  readonly kind = 'too-many-requests' as const;

  constructor(detail: string | string[], readonly retryAfterSeconds: number, extra: Record<string, unknown> = {}) {
    super(detail, extra);
  }
}

/** Too busy to serve now (load, not a fault): try again after `retryAfterSeconds`. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable' as const;

  constructor(detail: string | string[], readonly retryAfterSeconds: number, extra: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(detail, extra, options);
  }
}

/** The operation failed for a reason of ours (the message says which). */
export class OperationFailedError extends DomainError {
  readonly kind = 'failed' as const;
}
