import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DatabaseBusyError } from '@regula/platform';
import { TenantSuspendedError } from '@regula/tenancy';
import { AdminSignInRequired } from '../session/admin-session.guard';
import { safeNext } from '../session/admin-cookies';
import { AdminPasswordChangeRequired, PASSWORD_PAGE } from '../session/password-change.exception';
import { InvalidInput } from '../../common/input/invalid-input.exception';
import { statusOf } from '../../common/http-error';
import { AdminPages } from './admin-pages.service';
import { ADMIN_ON_REQUEST, AdminHttpRequest } from './admin-request';

/**
 * Errors of the dashboard as HTML pages: not signed in → 303 to the sign-in
 * page (with `next`); one-time password not changed yet → 303 to the password page; 404 for unknown pages and other tenants' data alike
 * (without the tenant's layout, so nothing of it shows); 403, 429, 500; 503 with Retry-After when the database is too busy.
 */
@Catch()
export class AdminExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('admin');

  constructor(private readonly pages: AdminPages) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<AdminHttpRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof AdminSignInRequired) {
      const next = exception.next ? safeNext(exception.next) : null;
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(303, next && next !== '/admin' ? `/admin/login?next=${encodeURIComponent(next)}` : '/admin/login');
      return;
    }
    if (exception instanceof AdminPasswordChangeRequired) {
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(303, PASSWORD_PAGE);
      return;
    }
    // A lib's domain error is answered with the status its HTTP mapping gives (the REST API's too).
    const status = statusOf(exception) ?? HttpStatus.INTERNAL_SERVER_ERROR;
    // A busy pool is load, not a fault: no stack in the log for each request it turns away.
    if (exception instanceof DatabaseBusyError) this.log.warn(`${req.method} ${req.path}: ${exception.message}`);
    else if (status >= 500) this.log.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    const admin = req[ADMIN_ON_REQUEST];
    // A 404 never shows the tenant of the URL (it may be one the user may not see).
    if (admin && status === HttpStatus.NOT_FOUND) admin.tenant = undefined;
    const t = this.pages.t(this.pages.lang(req));
    const busy = exception instanceof DatabaseBusyError;
    const kind = status === 404 ? 'notFound' : status === 403 ? 'forbidden' : status === 429 ? 'tooMany' : busy ? 'busy' : status >= 500 ? 'server' : exception instanceof TenantSuspendedError ? 'suspended' : 'badRequest';
    if (status === 429) res.setHeader('Retry-After', '60');
    if (busy) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    try {
      const message = exception instanceof InvalidInput ? t('errors.invalidText', { field: exception.field }) : t(`errors.${kind}`);
      const html = await this.pages.render(req, res, 'shared/error', { title: t(`errors.${kind}Title`), status }, { error: { message } });
      res.send(html);
    } catch (e) {
      this.log.error(e instanceof Error ? e.stack ?? e.message : String(e));
      res.status(status).type('text/plain').send(String(status));
    }
  }
}
