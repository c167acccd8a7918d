import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { Lang } from '@regula/engine';
import { DatabaseBusyError } from '@regula/platform';
import { PublicHttpRequest, PublicSiteService, TENANT_ON_REQUEST } from './public-site.service';
import { TooManyPublicRequests } from './public-rate-limit.guard';
import { setPageHeaders } from '../web/public-page.headers';
import { chooseLang } from '../web/public-tenant';
import { MAX_UPLOAD_MB } from './public-limits';
import { InvalidInput } from '../common/input/invalid-input.exception';
import { asHttpException, messageOf } from '../common/http-error';

const DEFAULT_RETRY_SECONDS = 60;

/**
 * Errors of the public pages as HTML pages in the tenant's branding and the
 * page language (when the tenant is known): 404 for unknown tenants, types,
 * requests and tokens alike; 429 with Retry-After; 413 for large uploads;
 * 503 with Retry-After when the service is too busy to take the request.
 */
@Catch()
export class PublicExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('public-pages');

  constructor(private readonly site: PublicSiteService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<PublicHttpRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    // A lib's domain error is answered with the status its HTTP mapping gives (the REST API's too).
    const http = asHttpException(exception);
    const status = http?.getStatus() ?? HttpStatus.INTERNAL_SERVER_ERROR;
    // A busy pool is load, not a fault: no stack in the log for each request it turns away.
    if (exception instanceof DatabaseBusyError) this.log.warn(`${req.method} ${req.path}: ${exception.message}`);
    else if (status >= 500) this.log.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));

    const known = req[TENANT_ON_REQUEST] ?? (exception instanceof InvalidInput ? await this.tenantOfUrl(req) : undefined);
    const lang: Lang = known?.lang ?? chooseLang(['en', 'et', 'lt', 'lv', 'sv'], req.query?.lang, undefined);
    const t = this.site.t(lang);
    let title: string;
    let message: string;
    let showHome = true;
    switch (status) {
      case HttpStatus.NOT_FOUND:
        [title, message] = [t('errors.notFoundTitle'), t('errors.notFound')];
        break;
      case HttpStatus.TOO_MANY_REQUESTS: {
        const seconds = retryAfterOf(exception);
        res.setHeader('Retry-After', String(seconds));
        [title, message] = [t('errors.tooManyTitle'), t('errors.tooMany', { minutes: Math.max(1, Math.ceil(seconds / 60)) })];
        break;
      }
      case HttpStatus.PAYLOAD_TOO_LARGE:
        [title, message] = [t('errors.tooLargeTitle'), t('errors.tooLarge', { maxMb: MAX_UPLOAD_MB })];
        break;
      case HttpStatus.SERVICE_UNAVAILABLE:
        res.setHeader('Retry-After', String(retryAfterOf(exception)));
        [title, message] = exception instanceof DatabaseBusyError ? [t('errors.busyTitle'), t('errors.busy')] : [t('errors.serverTitle'), t('errors.unavailable')];
        break;
      default:
        if (status >= 400 && status < 500) {
          const reason =
            exception instanceof InvalidInput ? t('errors.invalidText', { field: exception.field }) : http ? messageOf(http) : '';
          [title, message] = [t('errors.badRequestTitle'), t('errors.badRequest', { reason })];
        } else {
          [title, message] = [t('errors.serverTitle'), t('errors.server')];
          showHome = !!known;
        }
    }
    const model = this.site.page(known?.tenant, lang, { title, hasErrors: false, noindex: true });
    setPageHeaders(res);
    res.status(status).send(this.site.render('error', { ...model, error: { title, message, showHome: showHome && !!known } }));
  }

  /**
   * The input-hygiene guard refuses a request before the page has looked up its
   * tenant: look it up here, so the 400 comes in the tenant's branding and language.
   */
  private async tenantOfUrl(req: PublicHttpRequest): Promise<PublicHttpRequest[typeof TENANT_ON_REQUEST]> {
    const slug = req.params?.tenant;
    if (typeof slug !== 'string') return undefined;
    try {
      return await this.site.tenant(slug, req);
    } catch {
      return undefined;
    }
  }
}

/** Seconds to wait: from the pages' own limiter, or from the error's `retryAfterSeconds` (the requests core's 429, a busy database's 503). */
function retryAfterOf(e: unknown): number {
  if (e instanceof TooManyPublicRequests) return e.retryAfterSeconds;
  const own = (e as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  const body = e instanceof HttpException ? (e.getResponse() as { retryAfterSeconds?: unknown }) : undefined;
  const n = Number(typeof own === 'number' ? own : body && typeof body === 'object' ? body.retryAfterSeconds : NaN);
  return Number.isFinite(n) && n > 0 ? Math.ceil(n) : DEFAULT_RETRY_SECONDS;
}
