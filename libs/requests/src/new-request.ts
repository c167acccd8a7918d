import { EntityManager } from 'typeorm';
import { insertRows } from '@regula/platform';
import { EarlierRequest, findEarlierRequest, identityKeys } from './duplicates';
import { RequestDeadlines, requestDeadlines } from './request-deadline';
import { newReference } from './request-secrets';
import { RequestState, RequestType } from './request-types';
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
  /**
   * The state the request is in once its filing transaction commits, when the
   * filing moves it on at once (the web form asks for identity as it files):
   * the row is written in that state, not written and then updated.
   */
  movedOn?: Pick<RightsRequestEntity, 'state' | 'identityRequestedAt' | 'identityRequestLate'>;
  /**
   * The earlier request this one repeats (duplicates.ts), found by the caller:
   * the web form looks before its one-trip write, which cannot read. Left out,
   * it is looked up here.
   */
  earlier?: EarlierRequest | null;
}

/** Tries at drawing a reference no request of the tenant has (40 random bits each: a second try is already rare). */
const REFERENCE_DRAWS = 8;

/**
 * Inserts a request in state `received` (or `movedOn`), due one month from
 * its receipt (request-deadline.ts), in the caller's transaction: the one row
 * shape every way in shares. The caller journals its `received` entry and
 * moves on. Without a reference drawn beforehand, one is drawn and the
 * insert skips a reference the tenant already has (ON CONFLICT DO NOTHING on
 * the unique (tenant_id, reference)), drawing again: one statement where
 * checking first took two.
 */
export async function insertReceivedRequest(
  em: EntityManager, facts: TenantFacts, input: NewRequest, now: Date,
): Promise<{ req: RightsRequestEntity; deadline: RequestDeadlines; method: RightsRequestEntity['identityMethod']; earlier: EarlierRequest | null }> {
  const keys = identityKeys({ ...input.recorded, requesterName: input.requesterName, requesterEmail: input.requesterEmail }, facts.country);
  const earlier = input.earlier !== undefined ? input.earlier : await findEarlierRequest(em, facts, { type: input.type, keys, receivedAt: input.receivedAt });
  const deadline = requestDeadlines({ receivedAt: input.receivedAt, suspensions: [], extended: false, country: facts.country, timeZone: facts.timeZone, now });
  const method = identityMethodFor(facts, input.type);
  const row = (reference: string) =>
    em.create(RightsRequestEntity, {
      tenantId: facts.id, reference, type: input.type, state: 'received' as RequestState, subjectId: null,
      requesterEmail: input.requesterEmail, requesterName: input.requesterName, ...input.recorded,
      locale: input.locale, details: input.details, channel: input.channel, receivedAt: input.receivedAt,
      dueAt: deadline.dueAt, dueDate: deadline.dueDate, firstDueAt: deadline.firstDueAt,
      identityMethod: method, identityVerifiedAt: null, emailVerifiedAt: null, verificationHash: null, verificationExpiresAt: null, verificationAttempts: 0,
      statusTokenHash: input.statusTokenHash,
      extendedAt: null, extensionReason: null, refusalReason: null, refusalGround: null, feeEur: null, feeReason: null, feeRequestedAt: null, outcome: null, closedAt: null,
      identityKeys: keys, duplicateOf: earlier?.id ?? null,
      ...input.movedOn,
    });
  if (input.reference) return { req: await em.save(row(input.reference)), deadline, method, earlier };
  for (let i = 0; i < REFERENCE_DRAWS; i++) {
    const req = row(newReference());
    // The generated columns (id, created and updated) come back into `req`; a reference taken inserts nothing and leaves it without an id.
    await insertRows(em, RightsRequestEntity, [req], { ignoreTaken: true });
    if (req.id) return { req, deadline, method, earlier };
  }
  throw new Error('could not draw a free request reference');
}
