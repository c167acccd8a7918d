import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, CLOCK, Clock, CommonConfig, ConflictError, InvalidInputError, systemClock, TenantDb } from '@regula/platform';
import { RequestActor, SUBJECT, SYSTEM } from './request-actor';
import { insertIdentitySuspension, isIdentityRequestLate, openSuspension, recomputeDue } from './request-clock';
import { markIdentityVerified } from './identity-verified';
import { subjectHoldingAddress } from './held-address';
import { orConflict, requestNotFound } from './request-errors';
import { RequestJournal } from './request-journal.service';
import { identityKeys } from './duplicates';
import { EarlierRequestLookups } from './earlier-request-lookups';
import { insertReceivedRequest } from './new-request';
import { RequestNotifier } from './request-notifier.service';
import { RequestRateLimits } from './request-rate-limits.service';
import { statusTokenMatches } from './mail-secrets/request-mail-secrets';
import { CODE_MAX_ATTEMPTS, matchesHash, newStatusToken, normaliseReference, sha256Hex } from './request-secrets';
import { nextState } from './request-state-machine';
import { findByReference, loadFacts } from './request-store';
import { RequestSuspensionEntity } from './request-suspension.entity';
import { DOCUMENT_METHODS, IdentityMethod } from './request-types';
import { FileRequestInput, FiledRequest, FilingContext } from './requests.port';
import { RightsRequestEntity } from './rights-request.entity';
import { identityMethodFor, TenantFacts } from './tenant-facts';
import { validateFileRequest } from './file-request.validation';

export { CODE_TTL_MINUTES, CODE_MAX_ATTEMPTS } from './request-secrets';

type VerifyOutcome =
  | { ok: true; request: RightsRequestEntity }
  | { ok: false; status: 400 | 409; message: string };

/** Removes the hashes before an entity leaves the service. */
export function withoutSecrets<T extends RightsRequestEntity>(req: T): T {
  const copy = { ...req } as Partial<RightsRequestEntity>;
  delete copy.verificationHash;
  delete copy.statusTokenHash;
  delete copy.downloadCodeHash;
  // The requester's identity values once more, normalised (duplicates.ts): for finding duplicates, never shown.
  delete copy.identityKeys;
  return Object.assign(Object.create(Object.getPrototypeOf(req)), copy) as T;
}

/**
 * The subject's side of a new request: filing (validated, rate-limited,
 * acknowledged by e-mail with the legal due date), the e-mail code, and a new
 * code when the first one expired.
 */
@Injectable()
export class RequestFilingService {
  constructor(
    private readonly db: TenantDb,
    private readonly journal: RequestJournal,
    private readonly notifier: RequestNotifier,
    private readonly limits: RequestRateLimits,
    private readonly earlierRequests: EarlierRequestLookups,
    @Inject(APP_CONFIG) private readonly cfg: CommonConfig,
    /** "Now" for the clock of the request: receipt, identity asked for and received (tests step it). */
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** Each tenant's facts with the version they were read for (FilingContext.factsVersion). */
  private readonly facts = new Map<string, { version: string; facts: TenantFacts }>();

  /** The tenant's facts: kept from an earlier filing while the caller's version of them is the same, else read (one statement, no transaction). */
  private async factsOf(tenantId: string, version: string | undefined): Promise<TenantFacts> {
    const kept = this.facts.get(tenantId);
    if (version !== undefined && kept?.version === version) return kept.facts;
    const facts = await this.db.readUnscoped((em) => loadFacts(em, tenantId));
    if (version !== undefined) this.facts.set(tenantId, { version, facts });
    return facts;
  }

  /**
   * The tenant's facts read (or kept, see factsOf), then the filing written in ONE round trip
   * (`TenantDb.forTenantInOneTrip`): the request inserted already waiting for
   * identity, its two timeline events, the identity stop, the two e-mails and
   * the two audit entries, one statement, its own transaction (shared with
   * the tenant's filings of the same moment, OneTripBatches). The e-mails'
   * jobs are queued once it committed, before the answer; the audit entries,
   * committed with it, join the chain right after, without the answer waiting
   * (AuditService.appendSoon); the SLA sweep plans its notices (issue 16 §2:
   * bench/intake.bench.ts counts the statements).
   */
  async fileRequest(tenantId: string, input: FileRequestInput, ctx: FilingContext): Promise<FiledRequest> {
    const facts = await this.factsOf(tenantId, ctx?.factsVersion);
    let clean: ReturnType<typeof validateFileRequest>;
    try {
      clean = validateFileRequest(input, facts);
    } catch (e) {
      // A bad submission counts against its address too, and a limited address hears 429 before what was wrong.
      await this.limits.checkIp('file', ctx?.ip);
      throw e;
    }
    // The address's and the subject's limits in one call.
    await this.limits.check('file', ctx?.ip, clean.email);
    // The filer's own status link (shown once on the confirmation page, never e-mailed); the e-mails'
    // links and the code are minted by the worker when it sends them (RequestNotifier).
    const statusToken = newStatusToken();
    const subject: RequestActor = { ...SUBJECT, ip: ctx?.ip };
    // An earlier request of the same type from the same address (duplicates.ts): read before the one-trip write, which
    // cannot read, in one statement without a transaction, shared with the tenant's filings of the same moment.
    const earlier = await this.earlierRequests.find(facts, { type: clean.type, keys: identityKeys({ requesterName: clean.name, requesterEmail: clean.email }), receivedAt: this.clock() });

    return this.db.forTenantInOneTrip(tenantId, async (em) => {
      const now = this.clock();
      const method = identityMethodFor(facts, clean.type);
      // Identity is always checked (at least the e-mail code): the clock stands still meanwhile (EDPB 01/2022 §159).
      const to = orConflict(nextState('received', 'await-identity'));
      const { req, deadline: d } = await insertReceivedRequest(em, facts, {
        type: clean.type, requesterName: clean.name, requesterEmail: clean.email, locale: clean.locale, details: clean.details,
        channel: clean.channel, receivedAt: now, statusTokenHash: sha256Hex(statusToken), earlier,
        movedOn: { state: to, identityRequestedAt: now, identityRequestLate: isIdentityRequestLate(now, now, this.cfg.REQUESTS_IDENTITY_LATE_DAYS) },
      }, now);
      await this.journal.recordAll(em, req, [
        {
          kind: 'received', to: 'received', actor: subject, visibleToSubject: true, at: now,
          note: 'Request received', data: { key: 'received', dueDate: d.dueDate },
          action: 'request.received', details: { type: req.type, channel: req.channel, identityMethod: method, dueDate: d.dueDate, duplicateOf: earlier?.reference ?? null },
        },
        {
          kind: 'transition', from: 'received', to, actor: SYSTEM, visibleToSubject: true, at: new Date(now.getTime() + 1),
          note: 'Waiting for you to confirm your e-mail address; the time limit stands still meanwhile',
          data: { key: 'awaiting-identity', identityMethod: method },
          action: 'request.awaiting-identity', details: { identityMethod: method },
        },
      // Its SLA plan is left to the sweep (within its five minutes): the clock stands still until identity is
      // confirmed, so nothing can fall due meanwhile, and the confirmation plans it at once (RequestClockChanged).
      ], { planBySweep: true });
      await insertIdentitySuspension(em, req, now, 'waiting for the requester to confirm the e-mail address');

      await this.notifier.notify(em, facts, req, 'request-received', { identityDocument: DOCUMENT_METHODS.includes(method) ? method : null }, { statusLink: true });
      await this.notifier.sendCode(em, facts, req, now);
      return { request: withoutSecrets(req), statusToken, deadline: d.first };
    });
  }

  async verifyEmail(tenantId: string, reference: string, code: string, ctx: { ip: string }): Promise<RightsRequestEntity> {
    const ref = normaliseReference(reference);
    if (!ref) throw requestNotFound();
    if (typeof code !== 'string' || !/^\d{6}$/.test(code.trim())) throw new InvalidInputError(['code must be the 6 digits from the e-mail']);
    await this.limits.check('verify', ctx?.ip, `verify:${tenantId}:${ref}`);
    const subject: RequestActor = { ...SUBJECT, ip: ctx?.ip };
    const outcome = await this.db.forTenant(tenantId, async (em): Promise<VerifyOutcome> => {
      const facts = await loadFacts(em, tenantId);
      const req = await findByReference(em, tenantId, ref, { lock: true, secrets: true });
      if (req.emailVerifiedAt) return { ok: false, status: 409, message: 'the e-mail address of this request is already confirmed' };
      orConflict(nextState(req.state, 'confirm-email'));
      const now = this.clock();
      if (!req.verificationHash || !req.verificationExpiresAt) return { ok: false, status: 400, message: 'no code is pending for this request: ask for a new code' };
      if (req.verificationAttempts >= CODE_MAX_ATTEMPTS) return { ok: false, status: 400, message: 'too many wrong codes: ask for a new code' };
      if (now.getTime() > req.verificationExpiresAt.getTime()) return { ok: false, status: 400, message: 'the code has expired: ask for a new code' };
      if (!matchesHash(code.trim(), req.verificationHash)) {
        req.verificationAttempts += 1;
        await em.update(RightsRequestEntity, { id: req.id }, { verificationAttempts: req.verificationAttempts });
        const left = CODE_MAX_ATTEMPTS - req.verificationAttempts;
        return { ok: false, status: 400, message: left > 0 ? `wrong code: ${left} attempt(s) left` : 'wrong code: no attempts left, ask for a new code' };
      }

      req.emailVerifiedAt = now;
      req.verificationHash = null;
      req.verificationExpiresAt = null;
      const method = req.identityMethod as IdentityMethod;
      // Where the tenant asks for a document, a code to an address it already holds for the subject is still enough (the proportionate check).
      const heldAddress = DOCUMENT_METHODS.includes(method) && !!(await subjectHoldingAddress(em, tenantId, req.requesterEmail));
      if (!DOCUMENT_METHODS.includes(method) || heldAddress) {
        // e-mail link, or an address the controller holds: the code is the identity check.
        const to = orConflict(nextState(req.state, 'verify-identity'));
        const from = req.state;
        const subjectMatched = await markIdentityVerified(em, req, now);
        req.state = to;
        const d = await recomputeDue(em, facts, req, now);
        await em.save(req);
        await this.journal.record(em, req, {
          kind: 'transition', from, to, actor: subject, visibleToSubject: true, at: now,
          note: heldAddress
            ? `E-mail address confirmed; it is one we already hold for you, which confirms your identity; we are working on your request (due ${d.dueDate})`
            : `E-mail address confirmed; we are working on your request (due ${d.dueDate})`,
          data: { key: 'identity-verified', dueDate: d.dueDate, ...(heldAddress ? { by: 'held-address' } : {}) },
          action: 'request.identity-verified', details: { method, dueDate: d.dueDate, subjectMatched, byHeldAddress: heldAddress },
        });
        await this.notifier.notify(em, facts, req, 'identity-confirmed');
      } else {
        // A document is still needed: the clock keeps standing still.
        await em.save(req);
        const open = await openSuspension(em, req);
        if (open) await em.update(RequestSuspensionEntity, { id: open.id }, { reason: `waiting for the identity document (${method})` });
        await this.journal.record(em, req, {
          kind: 'email-confirmed', actor: subject, visibleToSubject: true, at: now,
          replansNotices: true,
          note: 'E-mail address confirmed; waiting for your signed document', data: { key: 'document-needed', method },
          action: 'request.email-confirmed', details: { method },
        });
        await this.notifier.notify(em, facts, req, 'identity-document-needed', { method });
      }
      return { ok: true, request: req };
    });
    if (!outcome.ok) throw outcome.status === 409 ? new ConflictError(outcome.message) : new InvalidInputError([outcome.message]);
    return withoutSecrets(outcome.request);
  }

  /** A new e-mail code (the old one expired or was mistyped five times). */
  async resendCode(tenantId: string, reference: string, statusToken: string, ctx: { ip: string }): Promise<void> {
    const ref = normaliseReference(reference);
    if (!ref) throw requestNotFound();
    await this.limits.check('resend', ctx?.ip, `resend:${tenantId}:${ref}`);
    await this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      const req = await findByReference(em, tenantId, ref, { lock: true, secrets: true });
      if (!(await statusTokenMatches(em, req, statusToken))) throw requestNotFound(ref);
      if (req.emailVerifiedAt) throw new ConflictError('the e-mail address of this request is already confirmed');
      orConflict(nextState(req.state, 'confirm-email'));
      const now = this.clock();
      // The old code stops working now; the new one exists once the worker sends its e-mail.
      req.verificationHash = null;
      req.verificationExpiresAt = null;
      req.verificationAttempts = 0;
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'code-sent', actor: { ...SUBJECT, ip: ctx?.ip }, visibleToSubject: true, at: now,
        note: 'A new confirmation code was sent', data: { key: 'code-sent' }, action: 'request.code-resent',
      });
      await this.notifier.sendCode(em, facts, req, now);
    });
  }
}
