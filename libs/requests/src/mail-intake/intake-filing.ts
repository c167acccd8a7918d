import { EntityManager } from 'typeorm';
import { RequestActor } from '../request-actor';
import { RequestJournal } from '../request-journal.service';
import { insertReceivedRequest } from '../new-request';
import { newStatusToken, sha256Hex } from '../request-secrets';
import { RequestType } from '../request-types';
import { RightsRequestEntity } from '../rights-request.entity';
import { TenantFacts } from '../tenant-facts';

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
 * identity), with no status link (its token is drawn and dropped). The row is
 * the one every way in inserts (`insertReceivedRequest`, new-request.ts).
 */
export async function fileChannelRequest(em: EntityManager, journal: RequestJournal, facts: TenantFacts, input: ChannelRequest): Promise<RightsRequestEntity> {
  const { req, deadline: d, method } = await insertReceivedRequest(em, facts, {
    type: input.type, requesterName: input.requesterName, requesterEmail: input.requesterEmail, locale: input.locale, details: input.details,
    channel: input.channel, receivedAt: input.receivedAt, statusTokenHash: sha256Hex(newStatusToken()),
  }, input.receivedAt);
  await journal.record(em, req, {
    kind: 'received', to: 'received', actor: INTAKE, visibleToSubject: true, at: input.receivedAt,
    note: 'Request received', data: { key: 'received', dueDate: d.dueDate, channel: input.channel },
    action: 'request.received', details: { type: req.type, channel: req.channel, identityMethod: method, dueDate: d.dueDate, ...input.audit },
  });
  return req;
}
