import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, TooManyRequestsError, UnavailableError } from '@regula/platform';
import { toHttpException } from './http-error';

/**
 * The REST API's answer to a domain error a lib raised: the status and JSON
 * body NestJS gives the matching HTTP exception, and Retry-After when the
 * error says how long to wait (a limit reached, a busy database). The public
 * pages and the dashboard have their own filters, which map through the same
 * `toHttpException`.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(exception: DomainError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const http = toHttpException(exception);
    if (exception instanceof TooManyRequestsError || exception instanceof UnavailableError) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    res.status(http.getStatus()).json(http.getResponse());
  }
}
