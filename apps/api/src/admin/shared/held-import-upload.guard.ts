import { Injectable, NestInterceptor } from '@nestjs/common';
import { SHEET_LIMITS } from '@regula/exports';
import { CheckedFileInterceptor } from '../../common/input/checked-file.interceptor';
import { AdminReplyUploadGuard } from '../requests/reply-upload.guard';

/** A spreadsheet import's form (the record's, past requests'): one `file` within the import's size and the CSRF token. */
const Multipart = CheckedFileInterceptor('file', { limits: { fileSize: SHEET_LIMITS.maxBytes, files: 1, fields: 2, parts: 3 } });

/** AdminReplyUploadGuard's order (session, tenant and permission, body, CSRF) for the spreadsheet imports. */
@Injectable()
export class AdminHeldImportUploadGuard extends AdminReplyUploadGuard {
  protected override readonly multipart: NestInterceptor = new Multipart();
}
