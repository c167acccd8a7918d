import { Injectable, NestInterceptor } from '@nestjs/common';
import { MAX_ORIGINAL_BYTES } from '@regula/requests';
import { CheckedFileInterceptor } from '../../common/input/checked-file.interceptor';
import { AdminReplyUploadGuard } from './reply-upload.guard';

/** The "record a request" form: at most one `original` file of 10 MB and its text fields (types repeat). */
const Multipart = CheckedFileInterceptor('original', { limits: { fileSize: MAX_ORIGINAL_BYTES, files: 1, fields: 30, parts: 31 } });

/** AdminReplyUploadGuard's order (session, tenant and permission, body, CSRF) for the recording form. */
@Injectable()
export class AdminRecordUploadGuard extends AdminReplyUploadGuard {
  protected override readonly multipart: NestInterceptor = new Multipart();
}
