import { BadRequestException, ConflictException, HttpException, NotFoundException } from '@nestjs/common';
import {
  ConflictError,
  DatabaseBusyError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  OperationFailedError,
  TooLargeError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableError,
  UnavailableError,
} from '@regula/platform';
import { asHttpException, messageOf, statusOf, toHttpException } from './http-error';

const answer = (e: DomainError) => {
  const http = toHttpException(e);
  return { status: http.getStatus(), body: http.getResponse() };
};

describe('domain error → HTTP', () => {
  it.each<[DomainError, number, string]>([
    [new InvalidInputError(['email must be an e-mail address']), 400, 'Bad Request'],
    [new UnauthorizedError('a valid bearer token is required'), 401, 'Unauthorized'],
    [new ForbiddenError('needs registers:write'), 403, 'Forbidden'],
    [new NotFoundError('no request R-1'), 404, 'Not Found'],
    [new ConflictError('already confirmed'), 409, 'Conflict'],
    [new TooLargeError('the file is too large'), 413, 'Payload Too Large'],
    [new UnprocessableError('the register was not saved'), 422, 'Unprocessable Entity'],
    [new TooManyRequestsError('too many requests; try again later', 30), 429, 'Too Many Requests'],
    [new UnavailableError('busy', 5), 503, 'Service Unavailable'],
    [new OperationFailedError('the pdf export could not be built: timeout'), 500, 'Internal Server Error'],
  ])('%p → %i %s, the body NestJS gives its exception', (e, status, error) => {
    expect(answer(e)).toEqual({ status, body: { statusCode: status, message: e.detail, error } });
  });

  it('keeps the shape of the message: one sentence stays a string, a list naming fields stays a list', () => {
    expect(answer(new InvalidInputError('role must be one of auditor'))).toEqual({ status: 400, body: new BadRequestException('role must be one of auditor').getResponse() });
    expect(answer(new InvalidInputError(['lang must be one of en, et']))).toEqual({ status: 400, body: { statusCode: 400, message: ['lang must be one of en, et'], error: 'Bad Request' } });
  });

  it('without a message says only the kind, as `new NotFoundException()` did', () => {
    expect(answer(new NotFoundError())).toEqual({ status: 404, body: new NotFoundException().getResponse() });
    expect(answer(new NotFoundError()).body).toEqual({ statusCode: 404, message: 'Not Found' });
  });

  it('carries the extra facts beside statusCode, message and error', () => {
    expect(answer(new ConflictError('cannot close', { state: 'closed', action: 'close' }))).toEqual({
      status: 409,
      body: new ConflictException({ statusCode: 409, error: 'Conflict', message: 'cannot close', state: 'closed', action: 'close' }).getResponse(),
    });
    expect(answer(new TooManyRequestsError('too many requests; try again later', 30, { retryAfterSeconds: 30 })).body).toEqual({
      statusCode: 429, error: 'Too Many Requests', message: 'too many requests; try again later', retryAfterSeconds: 30,
    });
  });

  it("answers a busy database 503 with the seconds to wait", () => {
    const busy = new DatabaseBusyError(new Error('timeout exceeded when trying to connect'));
    expect(busy).toBeInstanceOf(UnavailableError);
    expect(busy.retryAfterSeconds).toBeGreaterThan(0);
    expect(answer(busy)).toEqual({ status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: busy.message, retryAfterSeconds: busy.retryAfterSeconds } });
  });

  it('reads status and message of domain errors and HTTP exceptions alike; anything else is no refusal', () => {
    expect(statusOf(new ConflictError('x'))).toBe(409);
    expect(statusOf(new HttpException('gone', 410))).toBe(410);
    expect(statusOf(new Error('boom'))).toBeUndefined();
    expect(asHttpException('boom')).toBeUndefined();
    expect(messageOf(new InvalidInputError(['a must be set', 'b must be set']))).toBe('a must be set; b must be set');
    expect(messageOf(new BadRequestException('c must be set'))).toBe('c must be set');
  });
});
