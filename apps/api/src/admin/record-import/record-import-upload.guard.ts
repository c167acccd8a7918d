import { Injectable, NestInterceptor } from '@nestjs/common';
import { SHEET_LIMITS } from '@regula/exports';
import { CheckedFileInterceptor } from '../../common/input/checked-file.interceptor';
import { AdminReplyUploadGuard } from '../requests/reply-upload.guard';

/** The record import's form: one `file` within the import's size and the CSRF token. */
const Multipart = CheckedFileInterceptor('file', { limits: { fileSize: SHEET_LIMITS.maxBytes, files: 1, fields: 2, parts: 3 } });

/** AdminReplyUploadGuard's order (session, tenant and permission, body, CSRF) for the record import. */
@Injectable()
export class AdminRecordImportUploadGuard extends AdminReplyUploadGuard {
  protected override readonly multipart: NestInterceptor = new Multipart();
}
