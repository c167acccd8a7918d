import { CanActivate, ExecutionContext, ForbiddenException, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { CheckedFileInterceptor } from '../../common/input/checked-file.interceptor';
import { lastValueFrom, of } from 'rxjs';
import { MAX_REPLY_BYTES } from '@regula/requests';
import { AdminSessionService } from '../session/admin-session.service';
import { AdminSignInRequired } from '../session/admin-session.guard';
import { ADMIN_ON_REQUEST, AdminHttpRequest } from '../shared/admin-request';
import { AdminTenantGuard } from '../shared/admin-tenant.guard';

/** What a multipart form could not deliver (a file over the limit, a second file): the page says it after the CSRF check. */
export const UPLOAD_FAILURE = Symbol('regula.admin.upload-failure');
export type AdminUploadRequest = AdminHttpRequest & { file?: Express.Multer.File; [UPLOAD_FAILURE]?: HttpException };

/** One file in the `file` part, a note, how it was delivered and the CSRF token: nothing else is read. */
const Multipart = CheckedFileInterceptor('file', { limits: { fileSize: MAX_REPLY_BYTES, files: 1, fields: 4, parts: 5 } });

/**
 * AdminSessionGuard + AdminTenantGuard for the one multipart form of the
 * dashboard. The session guard reads `_csrf` from the parsed body, but
 * multer (an interceptor) parses a multipart body only after the guards, so
 * the token would never be there. Here, in this order:
 *  1. the session cookie (no session: no byte of the body is read);
 *  2. the tenant and the route's permission (404 another tenant, 403 an
 *     auditor) – still before the body is read;
 *  3. the multipart body, in memory, at most one 10 MB file (multer);
 *  4. the `_csrf` field of that body, as on every other POST (403 otherwise).
 * The token stays in the form body (never in the URL, where it would reach
 * access logs and the browser history). Nothing changes before step 4.
 */
@Injectable()
export class AdminReplyUploadGuard implements CanActivate {
  /** The body's parser: a subclass sets another file field or limits (the "record a request" form). */
  protected readonly multipart: NestInterceptor = new Multipart();

  constructor(private readonly sessions: AdminSessionService, private readonly tenants: AdminTenantGuard) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AdminUploadRequest>();
    const current = await this.sessions.current(req);
    if (!current) throw new AdminSignInRequired(null);
    req[ADMIN_ON_REQUEST] = { user: current.user, session: current.token, csrf: this.sessions.csrf(current.token) };
    await this.tenants.canActivate(context);
    await readUploadBody(context, this.multipart, this.sessions, current.token);
    return true;
  }
}

/**
 * Steps 3 and 4 of an upload guard, once the session and who may post were
 * checked: the multipart body read by `multipart` (a 400 or 413 of the parser
 * kept on the request for the page to word), then its `_csrf` field (403).
 */
export async function readUploadBody(context: ExecutionContext, multipart: NestInterceptor, sessions: AdminSessionService, sessionToken: string): Promise<void> {
  const req = context.switchToHttp().getRequest<AdminUploadRequest>();
  try {
    await lastValueFrom(await multipart.intercept(context, { handle: () => of(null) }));
  } catch (e) {
    if (!(e instanceof HttpException) || ![400, 413].includes(e.getStatus())) throw e;
    req[UPLOAD_FAILURE] = e;
  }
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (!sessions.csrfOk(sessionToken, body._csrf)) {
    req[ADMIN_ON_REQUEST] = undefined;
    throw new ForbiddenException('the form has expired or did not come from this site');
  }
}
