import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@regula/platform';

/** Too Many Requests has no class of its own in @nestjs/common. */
class TooManyRequestsException extends HttpException {
  constructor(body?: string | string[] | object) {
    const status = HttpStatus.TOO_MANY_REQUESTS;
    const error = 'Too Many Requests';
    // The bodies NestJS's own exceptions build: no message, a message, or the whole body.
    super(body === undefined ? { message: error, statusCode: status } : typeof body === 'object' && !Array.isArray(body) ? body : { message: body, error, statusCode: status }, status);
  }
}

type HttpExceptionClass = new (body?: string | string[] | object) => HttpException;

/** Each kind of domain error as the HTTP exception NestJS answers it with. */
const HTTP_OF: Record<DomainErrorKind, HttpExceptionClass> = {
  'invalid-input': BadRequestException,
  unauthorized: UnauthorizedException,
  forbidden: ForbiddenException,
  'not-found': NotFoundException,
  conflict: ConflictException,
  'too-large': PayloadTooLargeException,
  unprocessable: UnprocessableEntityException,
  'too-many-requests': TooManyRequestsException,
  unavailable: ServiceUnavailableException,
  failed: InternalServerErrorException,
};

/**
 * The one place a domain error becomes HTTP: the same exception (status and
 * body `{ statusCode, message, error, ...extra }`) the libs threw when they
 * still spoke HTTP, so the JSON filter and the page filters answer as before.
 */
export function toHttpException(e: DomainError): HttpException {
  const Http = HTTP_OF[e.kind];
  const plain = Object.keys(e.extra).length === 0;
  if (plain) return new Http(e.detail);
  // The status and label NestJS gives this class (e.g. 404, 'Not Found').
  const probe = new Http('-');
  const label = (probe.getResponse() as { error?: string }).error;
  return new Http({ statusCode: probe.getStatus(), error: label, message: e.detail, ...e.extra });
}

/** An HTTP exception as it is, a domain error mapped, anything else undefined (a fault: 500). */
export function asHttpException(e: unknown): HttpException | undefined {
  if (e instanceof HttpException) return e;
  if (e instanceof DomainError) return toHttpException(e);
  return undefined;
}

/** The status an error is answered with (undefined: not a refusal of ours, a 500). */
export function statusOf(e: unknown): number | undefined {
  return asHttpException(e)?.getStatus();
}

/** The message an error's answer carries, as one line (a list of messages joined by "; "). */
export function messageOf(e: unknown): string {
  const http = asHttpException(e);
  if (!http) return e instanceof Error ? e.message : String(e);
  const body = http.getResponse();
  if (typeof body === 'string') return body;
  const m = (body as { message?: unknown }).message;
  return Array.isArray(m) ? m.join('; ') : typeof m === 'string' ? m : http.message;
}
