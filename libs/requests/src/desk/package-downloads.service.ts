import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CLOCK, Clock, ConflictError, systemClock, TenantDb } from '@regula/platform';
import { MailSecrets } from '@regula/mail';
import { SUBJECT } from '../request-actor';
import { requestNotFound } from '../request-errors';
import { RequestJournal } from '../request-journal.service';
import { RequestNotifier } from '../request-notifier.service';
import { RequestRateLimits } from '../request-rate-limits.service';
import { matchesHash, normaliseReference } from '../request-secrets';
import { findByReference, loadFacts } from '../request-store';
import { REQUEST_LINK_TOKEN, statusTokenMatches } from '../mail-secrets/request-mail-secrets';
import { isStaffOnlyFile, RequestArtifactEntity } from '../fulfilment/request-artifact.entity';
import { artifactFile, type ArtifactFile } from '../fulfilment/package-chunks';
import { RightsRequestEntity } from '../rights-request.entity';
import {
  DOWNLOAD_CODE_ATTEMPTS, DOWNLOAD_CODE_TTL_MINUTES, DownloadCodeNeededError, DownloadExpiredError, downloadsUntil, isDataPackage, REQUEST_DOWNLOAD_CODE,
} from './package-downloads';

/**
 * The subject downloads the data package from the status link only with a
 * fresh code from e-mail: the link alone (forwarded, left in a browser
 * history, read over a shoulder) does not hand over the personal data. The
 * code is asked for on the status page (rate-limited), minted when its
 * e-mail is sent (only its hash is stored), works once and for
 * DOWNLOAD_CODE_TTL_MINUTES; the downloads end DOWNLOAD_DAYS after the
 * answer (the page states the date; after it, a clear "expired" page).
 */
@Injectable()
export class PackageDownloadsService {
  constructor(
    private readonly db: TenantDb,
    private readonly journal: RequestJournal,
    private readonly notifier: RequestNotifier,
    private readonly limits: RequestRateLimits,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** E-mails a fresh download code to the requester's address. */
  async sendCode(tenantId: string, reference: string, statusToken: string, ctx: { ip: string }, now = this.clock()): Promise<void> {
    const ref = normaliseReference(reference);
    if (!ref) throw requestNotFound();
    await this.limits.check('download', ctx.ip, `download:${tenantId}:${ref}`);
    await this.db.forTenant(tenantId, async (em) => {
      const req = await this.checked(em, tenantId, ref, statusToken, true);
      const packages = await em.find(RequestArtifactEntity, { where: { tenantId, requestId: req.id }, select: { id: true, kind: true } });
      if (!packages.some((a) => isDataPackage(a.kind))) throw new ConflictError('this request has no data package to download');
      this.refuseExpired(req, now);
      // The last code stops working now; the new one exists once the worker sends its e-mail.
      await em.update(RightsRequestEntity, { id: req.id, tenantId }, { downloadCodeHash: null, downloadCodeExpiresAt: null, downloadCodeAttempts: 0 });
      await this.journal.record(em, req, {
        kind: 'download-code-sent', actor: { ...SUBJECT, ip: ctx.ip }, visibleToSubject: true, at: now,
        note: 'A download code was sent', data: { key: 'download-code-sent' }, action: 'request.download-code-sent',
      });
      const facts = await loadFacts(em, tenantId);
      const secrets = new MailSecrets();
      const linkToken = secrets.placeholder(REQUEST_LINK_TOKEN);
      const code = secrets.placeholder(REQUEST_DOWNLOAD_CODE);
      await this.notifier.sendWithSecrets(em, facts, req, 'download-code', { secrets, linkToken }, {
        code, minutes: DOWNLOAD_CODE_TTL_MINUTES, expiresAt: new Date(now.getTime() + DOWNLOAD_CODE_TTL_MINUTES * 60_000),
      });
    });
  }

  /**
   * One file of the request for the subject. A data package needs the fresh
   * code (used up by this download, right or wrong tries counted); a reply
   * document (a letter) only the status link. Audited as a hand-over.
   */
  async download(tenantId: string, reference: string, statusToken: string, artifactId: string, code: string | undefined, ctx: { ip: string }, now = this.clock()): Promise<ArtifactFile> {
    const ref = normaliseReference(reference);
    if (!ref) throw requestNotFound();
    if (code !== undefined) await this.limits.check('verify', ctx.ip, `download:${tenantId}:${ref}`);
    // Committed even when the code is refused: a wrong try counts.
    const outcome = await this.db.forTenant(tenantId, async (em) => {
      const req = await this.checked(em, tenantId, ref, statusToken, true);
      const row = await em
        .createQueryBuilder(RequestArtifactEntity, 'a')
        .addSelect('a.body')
        .where('a.tenant_id = :tenantId AND a.request_id = :requestId AND a.id = :artifactId', { tenantId, requestId: req.id, artifactId })
        .getOne();
      if (!row || isStaffOnlyFile(row.kind)) throw requestNotFound();
      const file: ArtifactFile = artifactFile(this.db, row);
      if (!isDataPackage(row.kind)) return { file };
      this.refuseExpired(req, now);
      const typed = typeof code === 'string' ? code.trim() : '';
      if (!typed) return { refused: 'missing' as const };
      const usable = !!req.downloadCodeHash && !!req.downloadCodeExpiresAt && req.downloadCodeExpiresAt.getTime() > now.getTime() && req.downloadCodeAttempts < DOWNLOAD_CODE_ATTEMPTS;
      if (!usable || !/^\d{6}$/.test(typed) || !matchesHash(typed, req.downloadCodeHash)) {
        await em.update(RightsRequestEntity, { id: req.id, tenantId }, { downloadCodeAttempts: req.downloadCodeAttempts + 1 });
        return { refused: (usable ? 'wrong' : 'expired') as 'wrong' | 'expired' };
      }
      // Single use: the code is spent by this download.
      await em.update(RightsRequestEntity, { id: req.id, tenantId }, { downloadCodeHash: null, downloadCodeExpiresAt: null, downloadCodeAttempts: 0 });
      await this.journal.record(em, req, {
        kind: 'package-downloaded', actor: { ...SUBJECT, ip: ctx.ip }, visibleToSubject: true, at: now,
        note: null, data: { key: 'package-downloaded', artifactId: row.id, kind: row.kind }, action: 'request.package.downloaded',
        details: { artifactId: row.id, kind: row.kind, sha256: row.sha256 },
      });
      return { file };
    });
    if ('refused' in outcome && outcome.refused) throw new DownloadCodeNeededError(outcome.refused);
    return (outcome as { file: ArtifactFile }).file;
  }

  /** The request behind a status link (404 for a wrong token, like an unknown reference), with its code's hash. */
  private async checked(em: EntityManager, tenantId: string, ref: string, statusToken: string, lock: boolean): Promise<RightsRequestEntity> {
    const req = await findByReference(em, tenantId, ref, { lock, secrets: true }).catch(() => null);
    if (!req || !(await statusTokenMatches(em, req, statusToken))) throw requestNotFound(ref);
    // The hash is not selected by default (select: false): read it here only.
    const [row] = await em.query(`SELECT download_code_hash FROM rights_requests WHERE id = $1`, [req.id]);
    req.downloadCodeHash = row?.download_code_hash ?? null;
    return req;
  }

  private refuseExpired(req: RightsRequestEntity, now: Date): void {
    const until = downloadsUntil(req);
    if (until && until.getTime() <= now.getTime()) throw new DownloadExpiredError(until);
  }
}
