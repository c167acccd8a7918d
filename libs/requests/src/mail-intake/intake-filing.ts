import { EntityManager } from 'typeorm';
import { RequestActor } from '../request-actor';
import { requestDeadlines } from '../request-deadline';
import { RequestJournal } from '../request-journal.service';
import { uniqueReference } from '../request-store';
import { newStatusToken, sha256Hex } from '../request-secrets';
import { RequestType } from '../request-types';
import { RightsRequestEntity } from '../rights-request.entity';
import { identityMethodFor, TenantFacts } from '../tenant-facts';

/** The e-mail intake as the actor of what it files. */
export const INTAKE: RequestActor = { userId: null, label: 'system', auditLabel: 'e-mail intake' };

/** A request that reached the controller through a channel other than its web form. */
export interface ChannelRequest {
  channel: 'e-mail';
  /** The receipt: the deadline runs from here. */
  receivedAt: Date;
  type: RequestType;
  requesterEmail: string;
  requesterName: string;
  locale: string;
  details: Record<string, unknown>;
  /** Extra audit facts of the `request.received` entry (ids, proposals; no text the subject wrote). */
  audit: Record<string, unknown>;
}

/**
 * Files a request that arrived by e-mail, in the caller's transaction: the row with
 * its deadline from `receivedAt` (request-deadline.ts) and the journal's `received`
 * entry, whose RequestClockChanged lets the SLA jobs follow. The request stays
 * `received` (the clock runs: the intake sends no e-mail code; the admin checks
 * identity), with no status link (its token is drawn and dropped).
 *
 * Deliberately narrow: the admin-recorded requests (`RequestRecordingService.record`)
 * file the same way, and this is the one call to point at it once it exists.
 */
export async function fileChannelRequest(em: EntityManager, journal: RequestJournal, facts: TenantFacts, input: ChannelRequest): Promise<RightsRequestEntity> {
  const tenantId = facts.id;
  const d = requestDeadlines({ receivedAt: input.receivedAt, suspensions: [], extended: false, country: facts.country, timeZone: facts.timeZone, now: input.receivedAt });
  const method = identityMethodFor(facts, input.type);
  const req = await em.save(
    em.create(RightsRequestEntity, {
      tenantId,
      reference: await uniqueReference(em, tenantId),
      type: input.type,
      state: 'received',
      subjectId: null,
      requesterEmail: input.requesterEmail,
      requesterName: input.requesterName,
      locale: input.locale,
      details: input.details,
      channel: input.channel,
      receivedAt: input.receivedAt,
      dueAt: d.dueAt,
      dueDate: d.dueDate,
      firstDueAt: d.firstDueAt,
      identityMethod: method,
      identityVerifiedAt: null,
      emailVerifiedAt: null,
      verificationHash: null,
      verificationExpiresAt: null,
      verificationAttempts: 0,
      statusTokenHash: sha256Hex(newStatusToken()),
      extendedAt: null,
      extensionReason: null,
      refusalReason: null,
      refusalGround: null,
      feeEur: null,
      feeReason: null,
      feeRequestedAt: null,
      outcome: null,
      closedAt: null,
    }),
  );
  await journal.record(em, req, {
    kind: 'received', to: 'received', actor: INTAKE, visibleToSubject: true, at: input.receivedAt,
    note: 'Request received', data: { key: 'received', dueDate: d.dueDate, channel: input.channel },
    action: 'request.received', details: { type: req.type, channel: req.channel, identityMethod: method, dueDate: d.dueDate, ...input.audit },
  });
  return req;
}
