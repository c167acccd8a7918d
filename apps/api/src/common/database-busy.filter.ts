import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { DatabaseBusyError } from '@regula/platform';

/**
 * The REST API's answer when no pooled connection came free in time: 503
 * with Retry-After (the default filter would answer 503 without it). The
 * public pages and the dashboard have their own filters, which set the same
 * header from the error's `retryAfterSeconds`.
 */
@Catch(DatabaseBusyError)
export class DatabaseBusyFilter implements ExceptionFilter {
  catch(exception: DatabaseBusyError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ statusCode: HttpStatus.SERVICE_UNAVAILABLE, message: exception.message, retryAfterSeconds: exception.retryAfterSeconds });
  }
}
