import { EntityManager } from 'typeorm';
import { RequestDeadlines, requestDeadlines } from './request-deadline';
import { uniqueReference } from './request-store';
import { RequestType } from './request-types';
import { RightsRequestEntity } from './rights-request.entity';
import { identityMethodFor, TenantFacts } from './tenant-facts';

/** What differs between the ways a request arrives (web form, e-mail intake, recorded by an admin). */
export interface NewRequest {
  type: RequestType;
  requesterName: string;
  requesterEmail: string | null;
  locale: string;
  details: Record<string, unknown>;
  channel: string;
  /** The receipt: the deadline runs from here (GDPR Art. 12(3)). */
  receivedAt: Date;
  /** The hash of the status token; nobody holds the token where none is handed out. */
  statusTokenHash: string;
  /** A reference drawn beforehand (requests recorded together name each other); else one is drawn. */
  reference?: string;
  /** What an admin recorded about its arrival. */
  recorded?: Pick<RightsRequestEntity, 'requesterAddress' | 'requesterPhone' | 'receivedBy' | 'recordedLate' | 'lateReason'>;
}

/**
 * Inserts a request in state `received`, due one month from its receipt
 * (request-deadline.ts), in the caller's transaction: the one row shape every
 * way in shares. The caller journals its `received` entry and moves on.
 */
export async function insertReceivedRequest(
  em: EntityManager, facts: TenantFacts, input: NewRequest, now: Date,
): Promise<{ req: RightsRequestEntity; deadline: RequestDeadlines; method: RightsRequestEntity['identityMethod'] }> {
  const deadline = requestDeadlines({ receivedAt: input.receivedAt, suspensions: [], extended: false, country: facts.country, timeZone: facts.timeZone, now });
  const method = identityMethodFor(facts, input.type);
  const req = await em.save(
    em.create(RightsRequestEntity, {
      tenantId: facts.id, reference: input.reference ?? (await uniqueReference(em, facts.id)), type: input.type, state: 'received', subjectId: null,
      requesterEmail: input.requesterEmail, requesterName: input.requesterName, ...input.recorded,
      locale: input.locale, details: input.details, channel: input.channel, receivedAt: input.receivedAt,
      dueAt: deadline.dueAt, dueDate: deadline.dueDate, firstDueAt: deadline.firstDueAt,
      identityMethod: method, identityVerifiedAt: null, emailVerifiedAt: null, verificationHash: null, verificationExpiresAt: null, verificationAttempts: 0,
      statusTokenHash: input.statusTokenHash,
      extendedAt: null, extensionReason: null, refusalReason: null, refusalGround: null, feeEur: null, feeReason: null, feeRequestedAt: null, outcome: null, closedAt: null,
    }),
  );
  return { req, deadline, method };
}
