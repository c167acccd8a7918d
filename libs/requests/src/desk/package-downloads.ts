import type { EntityManager } from 'typeorm';
import { ConflictError, ForbiddenError } from '@regula/platform';
import type { MintFor } from '@regula/mail';
import { newVerificationCode, sha256Hex } from '../request-secrets';
import { isStaffOnlyFile } from '../fulfilment/request-artifact.entity';
import { RightsRequestEntity } from '../rights-request.entity';

/** The code that unlocks one download of a data package from the status page, minted when its e-mail is sent. */
export const REQUEST_DOWNLOAD_CODE = 'request-download-code';
/** A download code works once, for this long. */
export const DOWNLOAD_CODE_TTL_MINUTES = 15;
/** Wrong tries of one code before it stops working (a new one can be asked for, rate-limited). */
export const DOWNLOAD_CODE_ATTEMPTS = 5;
/**
 * The status link's downloads end this many days after the request was
 * answered: the files stay with the controller (staff can hand them over
 * again), but a link found in an old e-mail no longer opens them.
 */
export const DOWNLOAD_DAYS = 30;

/** The reply documents are letters to the subject, not a data package: no code needed for them; files for staff alone are neither. */
export function isDataPackage(kind: string): boolean {
  return kind !== 'reply' && !isStaffOnlyFile(kind);
}

/** Until when the status link downloads the request's package (null: not answered yet). */
export function downloadsUntil(req: Pick<RightsRequestEntity, 'closedAt'>): Date | null {
  return req.closedAt ? new Date(req.closedAt.getTime() + DOWNLOAD_DAYS * 86_400_000) : null;
}

/** The download window has closed: the page says so clearly (410), never a 500. */
export class DownloadExpiredError extends ConflictError {
  constructor(readonly expiredAt: Date) {
    super(`the download link expired on ${expiredAt.toISOString()}`, { expiredAt: expiredAt.toISOString(), expired: true });
  }
}

/** A data package asked for without a fresh code from e-mail (or with a wrong, used or expired one). */
export class DownloadCodeNeededError extends ForbiddenError {
  constructor(reason: 'missing' | 'wrong' | 'expired') {
    super(`code: a fresh download code from e-mail is needed (${reason})`, { codeNeeded: true, reason });
  }
}

/**
 * A fresh download code: its hash replaces any earlier one (a new code
 * invalidates the last), valid DOWNLOAD_CODE_TTL_MINUTES, tries counted afresh.
 */
export async function mintDownloadCode(em: EntityManager, email: MintFor): Promise<string> {
  if (!email.requestId) throw new Error(`e-mail ${email.emailId} carries a download code but belongs to no request`);
  const code = newVerificationCode();
  await em
    .createQueryBuilder()
    .update(RightsRequestEntity)
    .set({ downloadCodeHash: sha256Hex(code), downloadCodeExpiresAt: () => `now() + interval '${DOWNLOAD_CODE_TTL_MINUTES} minutes'`, downloadCodeAttempts: 0 })
    .where('id = :id AND tenant_id = :t', { id: email.requestId, t: email.tenantId })
    .execute();
  return code;
}
