import { Injectable, NestInterceptor } from '@nestjs/common';
import { MAX_LOGO_BYTES } from '@regula/onboarding';
import { CheckedFileInterceptor } from '../../common/input/checked-file.interceptor';
import { AdminReplyUploadGuard } from '../requests/reply-upload.guard';

/** The logo form: one `logo` file of at most 256 KiB and the CSRF token. */
const Multipart = CheckedFileInterceptor('logo', { limits: { fileSize: MAX_LOGO_BYTES, files: 1, fields: 1, parts: 2 } });

/** AdminReplyUploadGuard's order (session, tenant and permission, body, CSRF) for the logo form. */
@Injectable()
export class AdminLogoUploadGuard extends AdminReplyUploadGuard {
  protected override readonly multipart: NestInterceptor = new Multipart();
}
