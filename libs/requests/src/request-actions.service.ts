import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CLOCK, Clock, ConflictError, InvalidInputError, systemClock, TenantDb } from '@regula/platform';
import { OutboxEmailEntity } from '@regula/mail';
import { RequestActor, SUBJECT } from './request-actor';
import { closeOpenSuspension, deadlinesOf, recomputeDue } from './request-clock';
import { orConflict, requestNotFound } from './request-errors';
import { groundLabel } from './request-labels';
import { RequestJournal } from './request-journal.service';
import { RequestNotifier } from './request-notifier.service';
import { statusTokenMatches } from './mail-secrets/request-mail-secrets';
import { IllegalTransition, RequestAction, nextState } from './request-state-machine';
import { findById, findByReference, loadFacts } from './request-store';
import { ACTIVE_STATES, ANSWERED_STATES, REFUSAL_GROUNDS, RefusalGround, RequestState } from './request-types';
import { mergedReferences } from './duplicates';
import { RightsRequestEntity } from './rights-request.entity';
import { TenantFacts } from './tenant-facts';
import { withoutSecrets } from './request-filing.service';

const MAX_TEXT = 5000;

function requiredText(value: unknown, field: string, max = MAX_TEXT): string {
  const s = typeof value === 'string' ? value.trim() : '';
  if (!s) throw new InvalidInputError([`${field} is required`]);
  if (s.length > max) throw new InvalidInputError([`${field} must be at most ${max} characters`]);
  return s;
}

/** An act shown before it is done (the dashboard's confirmation). */
export type RehearsedAct = { action: 'extend'; reason: string } | { action: 'refuse'; ground: RefusalGround; reason: string } | { action: 'merge' };

/** What the act would change, and the e-mail the requester would get (null: no address, the answer goes by post). */
export interface Rehearsal {
  before: { state: RequestState; dueDate: string };
  after: { state: RequestState; dueDate: string };
  mail: { to: string; subject: string; text: string; locale: string } | null;
}

/** Thrown inside a rehearsal's transaction so that it rolls back. */
const ROLLED_BACK = Symbol('rolled back');

interface Locked {
  em: EntityManager;
  facts: TenantFacts;
  req: RightsRequestEntity;
  now: Date;
}

/**
 * What a compliance admin (and fulfilment, and the subject withdrawing) does
 * to a request once filed: extend, refuse, warn of a fee, write to the
 * subject, complete, withdraw. None of them stops the clock: only waiting for
 * identity information asked for under Art. 12(6) does (request-clock.ts), so
 * there is no free-text pause and a fee warning leaves the deadline as it is. Each goes through the
 * state machine (409 otherwise), leaves an event and an audit entry, and
 * e-mails the subject where the subject must know.
 */
@Injectable()
export class RequestActionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly journal: RequestJournal,
    private readonly notifier: RequestNotifier,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  private inRequest<T>(tenantId: string, reference: string, work: (l: Locked) => Promise<T>): Promise<T> {
    return this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      const req = await findByReference(em, tenantId, reference, { lock: true });
      return work({ em, facts, req, now: this.clock() });
    });
  }

  /** Two further months (Art. 12(3)): only before the one-month date, once, with reasons, the subject told at once. */
  extend(tenantId: string, reference: string, actor: RequestActor, reason: string): Promise<RightsRequestEntity> {
    return this.inRequest(tenantId, reference, this.extending(actor, reason));
  }

  private extending(actor: RequestActor, reason: string): (l: Locked) => Promise<RightsRequestEntity> {
    const why = requiredText(reason, 'reason');
    return async ({ em, facts, req, now }) => {
      const from = req.state;
      if (req.extendedAt) throw conflict(from, 'extend', `the request was already extended on ${req.extendedAt.toISOString()}`);
      const to = orConflict(nextState(from, 'extend'));
      const before = await deadlinesOf(em, facts, req, now);
      if (now.getTime() > before.first.dueAt.getTime()) {
        throw conflict(from, 'extend', `the one-month period ended on ${before.first.dueDate}: an extension must be notified within the first month (GDPR Art. 12(3))`);
      }
      req.extendedAt = now;
      req.extensionReason = why;
      req.state = to;
      const d = await recomputeDue(em, facts, req, now);
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'transition', from, to, actor, visibleToSubject: true, at: now, note: why,
        data: { key: 'extended', dueDate: d.dueDate, firstDueDate: d.first.dueDate }, action: 'request.extended',
        details: { reason: why, firstDueDate: d.first.dueDate, dueDate: d.dueDate },
      });
      await this.notifier.notify(em, facts, req, 'request-extended', { reason: why, firstDueDate: d.first.dueDate, alsoFor: await mergedReferences(em, req.tenantId, req.id) });
      return withoutSecrets(req);
    };
  }

  /** Art. 12(4)/(5): refused with the ground and the reasons recorded; the subject told the reasons and the remedies. */
  refuse(tenantId: string, reference: string, actor: RequestActor, input: { ground: RefusalGround; reason: string }): Promise<RightsRequestEntity> {
    return this.inRequest(tenantId, reference, this.refusing(actor, input));
  }

  private refusing(actor: RequestActor, input: { ground: RefusalGround; reason: string }): (l: Locked) => Promise<RightsRequestEntity> {
    if (!REFUSAL_GROUNDS.includes(input?.ground)) throw new InvalidInputError([`ground must be one of: ${REFUSAL_GROUNDS.join(', ')}`]);
    const why = requiredText(input.reason, 'reason');
    return async ({ em, facts, req, now }) => {
      const from = req.state;
      const to = orConflict(nextState(from, 'refuse'));
      if (input.ground === 'identity-not-established' && req.identityVerifiedAt) {
        throw conflict(from, 'refuse', `identity was confirmed on ${req.identityVerifiedAt.toISOString()}: choose another ground`);
      }
      const earlier = input.ground === 'repeated' ? await this.answeredEarlier(em, req) : null;
      const late = now.getTime() > req.dueAt.getTime();
      req.refusalGround = input.ground;
      req.refusalReason = why;
      req.closedAt = now;
      await closeOpenSuspension(em, req, now);
      req.state = to;
      await recomputeDue(em, facts, req, now);
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'transition', from, to, actor, visibleToSubject: true, at: now, note: why,
        data: { key: 'refused', ground: input.ground }, action: 'request.refused',
        details: { ground: input.ground, reason: why, late, authority: facts.authority.abbreviation, ...(earlier ? { earlier: earlier.reference } : {}) },
      });
      await this.notifier.notify(em, facts, req, 'request-refused', {
        ground: input.ground, groundLabel: groundLabel(input.ground, req.locale), reason: why, earlier, alsoFor: await mergedReferences(em, req.tenantId, req.id),
      });
      return withoutSecrets(req);
    };
  }

  /**
   * Art. 12(5): refusing a request as `repeated` needs the earlier request it
   * repeats (flagged when filed, duplicates.ts) to have been answered; while the
   * earlier one is open the two are merged instead.
   */
  private async answeredEarlier(em: EntityManager, req: RightsRequestEntity): Promise<{ reference: string; receivedAt: Date; closedAt: Date | null }> {
    if (!req.duplicateOf) throw conflict(req.state, 'refuse', 'the request repeats no earlier request of the same subject: choose another ground');
    const earlier = await findById(em, req.tenantId, req.duplicateOf);
    if (!ANSWERED_STATES.includes(earlier.state)) {
      throw conflict(req.state, 'refuse', `the earlier request ${earlier.reference} has not been answered (${earlier.state}): merge this one into it instead`);
    }
    return { reference: earlier.reference, receivedAt: earlier.receivedAt, closedAt: earlier.closedAt };
  }

  /**
   * A duplicate merged into its earlier request while that one is open: one
   * answer for both. The later request closes as `merged` (its subject is told
   * both references); the earlier keeps its own receipt and deadline, which
   * are the earlier and so the stricter (GDPR Art. 12(3)): no deadline is
   * stretched. The earlier request's answer names both references
   * (`alsoFor`). Audited on both requests.
   */
  merge(tenantId: string, reference: string, actor: RequestActor): Promise<{ request: RightsRequestEntity; into: RightsRequestEntity }> {
    return this.inRequest(tenantId, reference, this.merging(actor));
  }

  private merging(actor: RequestActor): (l: Locked) => Promise<{ request: RightsRequestEntity; into: RightsRequestEntity }> {
    return async ({ em, facts, req, now }) => {
      const from = req.state;
      const to = orConflict(nextState(from, 'merge'));
      if (!req.duplicateOf) throw conflict(from, 'merge', 'the request repeats no earlier request of the same subject');
      const into = await findById(em, req.tenantId, req.duplicateOf, { lock: true });
      if (!ACTIVE_STATES.includes(into.state)) {
        throw conflict(from, 'merge', `the earlier request ${into.reference} is closed (${into.state}): answer this one, or refuse it as repeated when the earlier one was answered`);
      }
      // One answer by the earlier request's due date: never later than this one's own (GDPR Art. 12(3)). The earlier one may be
      // due later where its clock stood still longer (identity awaited); merging would then stretch this one's time limit.
      const [mine, theirs] = [await deadlinesOf(em, facts, req, now), await deadlinesOf(em, facts, into, now)];
      if (theirs.dueAt.getTime() > mine.dueAt.getTime()) {
        throw conflict(from, 'merge', `the earlier request ${into.reference} is due on ${theirs.dueDate}, after this one (${mine.dueDate}): merging would stretch this request's time limit; answer it on its own`);
      }
      req.closedAt = now;
      req.outcome = { mergedInto: into.reference };
      await closeOpenSuspension(em, req, now);
      req.state = to;
      await recomputeDue(em, facts, req, now);
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'transition', from, to, actor, visibleToSubject: true, at: now,
        note: `Merged with the earlier request ${into.reference}: one answer for both, by ${into.dueDate}`,
        data: { key: 'merged', into: into.reference, dueDate: into.dueDate }, action: 'request.merged',
        details: { into: into.reference, intoReceivedAt: into.receivedAt.toISOString(), intoDueDate: into.dueDate },
      });
      await this.journal.record(em, into, {
        kind: 'merged-in', actor, visibleToSubject: false, at: now,
        note: `The later request ${req.reference} was merged into this one: the answer names both`,
        data: { key: 'merged-in', from: req.reference }, action: 'request.merged-in', details: { from: req.reference, dueDate: into.dueDate },
      });
      await this.notifier.notify(em, facts, req, 'request-merged', { earlier: { reference: into.reference, receivedAt: into.receivedAt, dueDate: into.dueDate } });
      return { request: withoutSecrets(req), into: withoutSecrets(into) };
    };
  }

  /**
   * What extending or refusing would do, found by doing it in a transaction
   * that is then rolled back (the same code as the act, so the preview cannot
   * drift from it): the state and due date before and after, and the e-mail
   * the requester would get. Nothing is kept, sent, scheduled or audited: the
   * e-mail, the audit entry and the events exist only in the rolled-back
   * transaction. A refused act (409, 400) is refused here too.
   */
  async rehearse(tenantId: string, reference: string, actor: RequestActor, act: RehearsedAct): Promise<Rehearsal> {
    const work = act.action === 'extend' ? this.extending(actor, act.reason)
      : act.action === 'merge' ? async (l: Locked) => (await this.merging(actor)(l)).request
      : this.refusing(actor, act);
    const template = act.action === 'extend' ? 'request-extended' : act.action === 'merge' ? 'request-merged' : 'request-refused';
    let seen: Rehearsal | undefined;
    try {
      await this.inRequest(tenantId, reference, async (l) => {
        const before = { state: l.req.state, dueDate: l.req.dueDate };
        const after = await work(l);
        const mail = await l.em.findOne(OutboxEmailEntity, { where: { tenantId, requestId: l.req.id, template }, order: { createdAt: 'DESC' } });
        seen = {
          before, after: { state: after.state, dueDate: after.dueDate },
          mail: mail ? { to: mail.to, subject: mail.subject, text: mail.text, locale: mail.locale } : null,
        };
        throw ROLLED_BACK;
      });
    } catch (e) {
      if (e !== ROLLED_BACK) throw e;
    }
    return seen!;
  }

  /**
   * Art. 12(5): a reasonable fee for a manifestly unfounded or excessive
   * request, only where the controller's notice reserves one; the subject is
   * warned first, with the amount and the reasons, and may narrow or withdraw
   * the request (EDPB 01/2022 §§175-194). The request stays open.
   */
  requestFee(tenantId: string, reference: string, actor: RequestActor, input: { amount: number; reason: string }): Promise<RightsRequestEntity> {
    const amount = Number(input?.amount);
    if (!Number.isFinite(amount) || amount <= 0 || amount > 10_000 || Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) {
      throw new InvalidInputError(['amount must be a positive amount in euros with at most two decimals, at most 10000']);
    }
    const why = requiredText(input.reason, 'reason');
    return this.inRequest(tenantId, reference, async ({ em, facts, req, now }) => {
      orConflict(nextState(req.state, 'request-fee'));
      if (!facts.excessiveRequests.fee) {
        throw conflict(req.state, 'request-fee', `${facts.legalName}'s privacy notice reserves no fee: its requests are answered free of charge (GDPR Art. 12(5)); refuse the request instead if it is manifestly unfounded or excessive`);
      }
      if (req.feeRequestedAt) throw conflict(req.state, 'request-fee', `a fee was already requested on ${req.feeRequestedAt.toISOString()}`);
      req.feeEur = amount.toFixed(2);
      req.feeReason = why;
      req.feeRequestedAt = now;
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'fee', actor, visibleToSubject: true, at: now, note: why, data: { key: 'fee-warning', amountEur: req.feeEur },
        action: 'request.fee-requested', details: { amountEur: req.feeEur, reason: why },
      });
      await this.notifier.notify(em, facts, req, 'fee-warning', { amount, reason: why });
      return withoutSecrets(req);
    });
  }

  /** An admin writes to the subject: e-mailed, and shown on the status page. */
  addMessage(tenantId: string, reference: string, actor: RequestActor, text: string): Promise<{ id: string; at: Date }> {
    const message = requiredText(text, 'text');
    return this.inRequest(tenantId, reference, async ({ em, facts, req, now }) => {
      orConflict(nextState(req.state, 'message'));
      const event = await this.journal.record(em, req, {
        kind: 'message', actor, visibleToSubject: true, at: now, note: message, data: { key: 'message' },
        action: 'request.message-sent', details: { length: message.length },
      });
      await this.notifier.notify(em, facts, req, 'message-to-subject', { message, paused: false });
      return { id: event.id, at: event.at };
    });
  }

  /** Closes a request as completed with its outcome (used by fulfilment). */
  complete(tenantId: string, requestId: string, outcome: Record<string, unknown>, actor: RequestActor): Promise<RightsRequestEntity> {
    if (!outcome || typeof outcome !== 'object' || Array.isArray(outcome)) throw new InvalidInputError(['outcome must be an object']);
    if (JSON.stringify(outcome).length > 200_000) throw new InvalidInputError(['outcome is too large']);
    return this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      const req = await findById(em, tenantId, requestId, { lock: true });
      const now = this.clock();
      const from = req.state;
      const to = orConflict(nextState(from, 'complete'));
      const late = now.getTime() > req.dueAt.getTime();
      req.outcome = outcome;
      req.closedAt = now;
      await closeOpenSuspension(em, req, now);
      req.state = to;
      await recomputeDue(em, facts, req, now);
      await em.save(req);
      const summary = typeof outcome.summary === 'string' ? outcome.summary : null;
      await this.journal.record(em, req, {
        kind: 'transition', from, to, actor, visibleToSubject: true, at: now, note: summary ?? 'Request completed',
        data: { key: 'completed' }, action: 'request.completed', details: { late },
      });
      const files = [outcome.artifacts, outcome.downloads].filter((x): x is unknown[] => Array.isArray(x));
      const reasons = typeof outcome.grounds === 'string' ? outcome.grounds : typeof outcome.reasons === 'string' ? outcome.reasons : null;
      await this.notifier.notify(em, facts, req, 'request-completed', { summary, reasons, hasDownloads: files.some((f) => f.length > 0), alsoFor: await mergedReferences(em, tenantId, req.id) });
      return withoutSecrets(req);
    });
  }

  /** The subject withdraws the request through the status link. */
  withdrawBySubject(tenantId: string, reference: string, statusToken: string, ctx?: { ip: string }): Promise<RightsRequestEntity> {
    return this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      const req = await findByReference(em, tenantId, reference, { lock: true, secrets: true });
      if (!(await statusTokenMatches(em, req, statusToken))) throw requestNotFound(req.reference);
      const now = this.clock();
      const from = req.state;
      const to = orConflict(nextState(from, 'withdraw'));
      req.closedAt = now;
      await closeOpenSuspension(em, req, now);
      req.state = to;
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'transition', from, to, actor: { ...SUBJECT, ip: ctx?.ip }, visibleToSubject: true, at: now,
        note: 'You withdrew the request', data: { key: 'withdrawn' }, action: 'request.withdrawn',
      });
      await this.notifier.notify(em, facts, req, 'request-withdrawn', { withdrawnAt: now });
      return withoutSecrets(req);
    });
  }
}

function conflict(state: RequestState, action: RequestAction, reason: string): ConflictError {
  const t = new IllegalTransition(state, action, `cannot ${action.replace(/-/g, ' ')} a request in state '${state}': ${reason}`);
  return new ConflictError(t.message, { state, action });
}
