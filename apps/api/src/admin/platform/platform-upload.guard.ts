import { CanActivate, ExecutionContext, Injectable, NotFoundException } from '@nestjs/common';
import { MAX_LOGO_BYTES } from '@regula/onboarding';
import { CheckedFileInterceptor } from '../../common/input/checked-file.interceptor';
import { AdminSessionService } from '../session/admin-session.service';
import { AdminSignInRequired } from '../session/admin-session.guard';
import { ADMIN_ON_REQUEST } from '../shared/admin-request';
import { AdminUploadRequest, readUploadBody } from '../requests/reply-upload.guard';

/** The new controller's form: its fields (nested names, up to three group companies) and at most one logo of 256 KiB. */
const Multipart = CheckedFileInterceptor('logo', { limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 80, parts: 81 } });

/**
 * AdminReplyUploadGuard's order for the platform admin's multipart form (the
 * new controller with its logo), which names no tenant: the session (none: no
 * byte of the body is read), a platform admin (anyone else: 404, as for a page
 * that does not exist), the body (multer), then its `_csrf` field (403).
 */
@Injectable()
export class AdminPlatformUploadGuard implements CanActivate {
  private readonly multipart = new Multipart();

  constructor(private readonly sessions: AdminSessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AdminUploadRequest>();
    const current = await this.sessions.current(req);
    if (!current) throw new AdminSignInRequired(null);
    req[ADMIN_ON_REQUEST] = { user: current.user, session: current.token, csrf: this.sessions.csrf(current.token) };
    if (!current.user.isPlatformAdmin) throw new NotFoundException();
    await readUploadBody(context, this.multipart, this.sessions, current.token);
    return true;
  }
}
