import type { Lang } from '@regula/engine';
import { SHEET_LIMITS, importMessage } from '@regula/exports';
import { messageOf, statusOf } from '../../common/http-error';
import { AdminUploadRequest, UPLOAD_FAILURE } from '../requests/reply-upload.guard';
import { AdminHttpRequest, adminOf, clientIp, tenantOf } from './admin-request';

/**
 * What the dashboard's spreadsheet imports share (the record's, past requests'): the upload,
 * a preview held by the file's SHA-256, the confirmation. Each controller keeps its pages.
 */

/** A held file's key in the URL. */
export const HELD_SHA256 = /^[0-9a-f]{64}$/;

const MB = 1024 * 1024;

/** Who imports, as the audit entry names them. */
export function importActor(req: AdminHttpRequest) {
  const { user } = adminOf(req);
  return { userId: user.id, label: `${user.email} (${tenantOf(req).role})`, ip: clientIp(req) };
}

/** The upload's refusal before anything is read (too large, more than one file, none), or null. */
export function uploadRefusal(req: AdminUploadRequest, lang: Lang, t: (key: string) => string): { status: number; message: string } | null {
  const failure = req[UPLOAD_FAILURE];
  if (failure) {
    const tooLarge = failure.getStatus() === 413;
    return { status: failure.getStatus(), message: tooLarge ? importMessage('too-large', lang, { limit: SHEET_LIMITS.maxBytes }) : t('recordImport.oneFile') };
  }
  return req.file ? null : { status: 400, message: t('recordImport.chooseFile') };
}

/** A preview's refusal of the file itself (400, 413: unreadable, over a limit), said on the upload page; anything else is thrown. */
export function fileRefusal(e: unknown): { status: number; message: string } {
  const status = statusOf(e);
  if (status !== 400 && status !== 413) throw e;
  return { status, message: messageOf(e).replace(/^file: /, '') };
}

/** The upload page's limits, in the reader's number format. */
export function sheetLimitsView(lang: Lang) {
  const count = (n: number) => new Intl.NumberFormat(lang).format(n);
  return { bytes: count(SHEET_LIMITS.maxBytes / MB), cells: count(SHEET_LIMITS.maxCells), unzipped: count(SHEET_LIMITS.maxUnzippedBytes / MB) };
}
