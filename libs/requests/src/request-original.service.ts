import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PERSONAL_DATA_READ } from '@regula/audit';
import { NotFoundError, TenantDb } from '@regula/platform';
import { RequestArtifactEntity } from './fulfilment/request-artifact.entity';
import { IntakeMessageEntity } from './mail-intake/intake-message.entity';
import { RequestActor } from './request-actor';
import { RequestJournal } from './request-journal.service';
import { ORIGINAL_KIND } from './request-recording.service';
import { findByReference } from './request-store';
import { RightsRequestEntity } from './rights-request.entity';

/** What the request page says of a request's original (never its body). */
export interface OriginalMeta {
  /** `intake`: the message the SMTP intake accepted; `recorded`: the .eml or scan an admin uploaded when recording. */
  source: 'intake' | 'recorded';
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface OriginalFile extends OriginalMeta {
  body: Buffer;
}

/**
 * A request's original, as it reached the controller: the message the e-mail
 * intake stored before answering `250` (intake_messages.raw, served as
 * message/rfc822), or the .eml or scan uploaded when the request was recorded
 * (the `original` artifact, its type detected from the content). Reading it is
 * a reading of the subject's personal data, audited and journaled for staff
 * like an identity document's download.
 */
@Injectable()
export class RequestOriginalService {
  constructor(private readonly db: TenantDb, private readonly journal: RequestJournal) {}

  /** The original's description, or null when the request has none (a web filing, a recording without a file). */
  describe(tenantId: string, requestId: string): Promise<OriginalMeta | null> {
    return this.db.forTenant(tenantId, async (em) => {
      const req = await em.findOne(RightsRequestEntity, { where: { tenantId, id: requestId } });
      return req ? originalOf(em, req, false) : null;
    });
  }

  /** 404 for another tenant's reference or a request without an original; audited as `personal-data.read`. */
  read(tenantId: string, reference: string, actor: RequestActor): Promise<OriginalFile> {
    return this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, reference);
      const file = await originalOf(em, req, true);
      if (!file) throw new NotFoundError(`request ${req.reference} has no original`);
      await this.journal.record(em, req, {
        kind: 'original-downloaded', actor, visibleToSubject: false, data: { source: file.source },
        action: PERSONAL_DATA_READ, details: { what: 'request-original', source: file.source, contentType: file.contentType, sha256: file.sha256 },
      });
      return file as OriginalFile;
    });
  }
}

async function originalOf(em: EntityManager, req: RightsRequestEntity, withBody: boolean): Promise<OriginalMeta | OriginalFile | null> {
  const a = em.createQueryBuilder(RequestArtifactEntity, 'a').where('a.tenant_id = :t AND a.request_id = :r AND a.kind = :k', { t: req.tenantId, r: req.id, k: ORIGINAL_KIND });
  if (withBody) a.addSelect('a.body');
  const artifact = await a.getOne();
  if (artifact) {
    return { source: 'recorded', fileName: artifact.fileName, contentType: artifact.contentType, sizeBytes: artifact.sizeBytes, sha256: artifact.sha256, ...(withBody ? { body: artifact.body } : {}) };
  }
  const m = em.createQueryBuilder(IntakeMessageEntity, 'm').where('m.tenant_id = :t AND m.request_id = :r', { t: req.tenantId, r: req.id });
  if (withBody) m.addSelect('m.raw');
  const msg = await m.getOne();
  if (!msg) return null;
  return { source: 'intake', fileName: `${req.reference}.eml`, contentType: 'message/rfc822', sizeBytes: msg.sizeBytes, sha256: msg.sha256, ...(withBody ? { body: msg.raw } : {}) };
}
