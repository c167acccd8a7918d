import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, CLOCK, Clock, CommonConfig, systemClock, TenantDb } from '@regula/platform';
import { SYSTEM } from './request-actor';
import { closeOpenSuspension, openSuspension, recomputeDue } from './request-clock';
import { subjectHoldingAddress } from './held-address';
import { orConflict } from './request-errors';
import { RequestJournal } from './request-journal.service';
import { PostalLettersService } from './postal-letters.service';
import { RequestNotifier } from './request-notifier.service';
import { nextState } from './request-state-machine';
import { loadFacts } from './request-store';
import { RightsRequestEntity } from './rights-request.entity';
import { TenantFacts } from './tenant-facts';

const DAY_MS = 86_400_000;

/** What one sweep did. */
export interface IdentityWaitSweepResult {
  reminded: number;
  closed: number;
  /** Web filings whose e-mail address was never confirmed, closed without a letter. */
  expired: number;
}

/** The reminder days and closing period of a tenant: its definition's, else the config's. */
export function identityWaitPlan(facts: TenantFacts, cfg: Pick<CommonConfig, 'REQUESTS_IDENTITY_REMINDER_DAYS' | 'REQUESTS_IDENTITY_CLOSE_DAYS'>): { reminderDays: number[]; closeAfterDays: number } {
  const reminderDays = (facts.identityWait.reminderDays ?? cfg.REQUESTS_IDENTITY_REMINDER_DAYS.split(',').filter(Boolean).map(Number)).slice().sort((a, b) => a - b);
  return { reminderDays, closeAfterDays: facts.identityWait.closeAfterDays ?? cfg.REQUESTS_IDENTITY_CLOSE_DAYS };
}

/**
 * A request waiting for the requester's identity information (GDPR Art. 12(6))
 * does not wait for ever. Counted from when it was last asked for (the open
 * identity suspension's start):
 * - after each reminder day (7 and 14 by default) the requester is reminded once;
 * - after the closing period (30 days by default: the controller's choice, not
 *   a legal period) the request closes as "identity not confirmed" (refused,
 *   ground identity-not-established) with a letter giving the reason
 *   (Art. 12(2), 12(6); Art. 11(2) only where no data held matches the
 *   requester's address), the right to complain and to go to court (Art. 12(4))
 *   and that it reopens with its original receipt if the information arrives
 *   later (IdentityService reopens it);
 * - a web filing whose e-mail address was never confirmed gets neither: no one
 *   is known to be at that address. It expires silently after the closing
 *   period, with the reason on the timeline for staff only.
 * A subject without an e-mail address gets the reminders and the closing
 * letter on paper: each is written as a letter for the admin to send by post
 * (PostalLettersService), listed on the request page until recorded as sent.
 * Run by the `identity-wait-sweep` job (libs/sla's queue); idempotent.
 */
@Injectable()
export class IdentityWaitSweep {
  constructor(
    private readonly db: TenantDb,
    private readonly journal: RequestJournal,
    private readonly notifier: RequestNotifier,
    private readonly letters: PostalLettersService,
    @Inject(APP_CONFIG) private readonly cfg: CommonConfig,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async sweep(): Promise<IdentityWaitSweepResult> {
    const result: IdentityWaitSweepResult = { reminded: 0, closed: 0, expired: 0 };
    await this.db.forEachTenant(async (tenantId) => {
      // The tenant's facts once per run, read with the list of waiting requests, not once per request.
      const { ids, facts } = await this.db.forTenant(tenantId, async (em) => {
        const waiting = (await em.find(RightsRequestEntity, { where: { tenantId, state: 'awaiting-identity' }, select: { id: true } })).map((r) => r.id);
        return { ids: waiting, facts: waiting.length ? await loadFacts(em, tenantId) : null };
      });
      if (!facts) return;
      for (const id of ids) {
        const done = await this.db.forTenant(tenantId, (em) => this.step(em, facts, id));
        if (done) result[done] += 1;
      }
    });
    return result;
  }

  /** One request, locked: remind, close, expire, or nothing. */
  private async step(em: EntityManager, facts: TenantFacts, id: string): Promise<keyof IdentityWaitSweepResult | null> {
    const tenantId = facts.id;
    const req = await em.findOne(RightsRequestEntity, { where: { tenantId, id, state: 'awaiting-identity' }, lock: { mode: 'pessimistic_write' } });
    if (!req) return null;
    const open = await openSuspension(em, req);
    // Information arrived (an upload waiting for review): nothing is awaited from the requester.
    if (!open || open.kind !== 'identity') return null;
    const plan = identityWaitPlan(facts, this.cfg);
    const now = this.clock();
    const waited = now.getTime() - open.fromAt.getTime();
    const closeAt = new Date(open.fromAt.getTime() + plan.closeAfterDays * DAY_MS);
    const confirmedAddress = !!req.emailVerifiedAt || req.channel !== 'web-form';

    if (now.getTime() >= closeAt.getTime()) {
      const from = req.state;
      const to = orConflict(nextState(from, 'refuse'));
      const silent = !confirmedAddress;
      req.state = to;
      req.refusalGround = 'identity-not-established';
      req.refusalReason = silent
        ? `The e-mail address was never confirmed within ${plan.closeAfterDays} days: the request expired without a letter.`
        : `The identity information asked for on ${open.fromAt.toISOString().slice(0, 10)} was not received within ${plan.closeAfterDays} days (GDPR Art. 12(2), 12(6)).`;
      req.closedAt = now;
      // Only a request closed with a letter reopens when the information arrives (the letter says so).
      req.identityWaitClosedAt = silent ? null : now;
      await closeOpenSuspension(em, req, now);
      await recomputeDue(em, facts, req, now);
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'transition', from, to, actor: SYSTEM, visibleToSubject: !silent, at: now, note: req.refusalReason,
        data: { key: silent ? 'expired-unconfirmed' : 'identity-not-confirmed' },
        action: silent ? 'request.expired-unconfirmed' : 'request.identity-not-confirmed',
        details: { askedAt: open.fromAt.toISOString(), closeAfterDays: plan.closeAfterDays, letter: !silent },
      });
      if (silent) return 'expired';
      const known = await subjectHoldingAddress(em, tenantId, req.requesterEmail);
      // Art. 11(2) only where nothing held matches: neither the address nor a subject the admin linked (subject-link.service.ts).
      const letter = { askedAt: open.fromAt, cannotIdentify: !known && !req.subjectId };
      if (req.requesterEmail) await this.notifier.notify(em, facts, req, 'identity-not-confirmed', letter);
      else await this.letters.write(em, facts, req, 'identity-not-confirmed', letter, now);
      return 'closed';
    }

    if (!confirmedAddress) return null;
    const due = plan.reminderDays.filter((d) => waited >= d * DAY_MS).length;
    if (due <= req.identityRemindersSent) return null;
    // One reminder per sweep, even if several days passed unseen (no burst of e-mails after an outage).
    req.identityRemindersSent = due;
    await em.update(RightsRequestEntity, { id: req.id }, { identityRemindersSent: due });
    await this.journal.record(em, req, {
      kind: 'identity-reminder', actor: SYSTEM, visibleToSubject: true, at: now, note: 'Reminder: we are still waiting for the information to confirm your identity',
      data: { key: 'identity-reminder', count: due }, action: 'request.identity-reminded', details: { count: due, askedAt: open.fromAt.toISOString() },
    });
    if (req.requesterEmail) await this.notifier.notify(em, facts, req, 'identity-reminder', { askedAt: open.fromAt, closeOn: closeAt });
    else await this.letters.write(em, facts, req, 'identity-reminder', { askedAt: open.fromAt, closeOn: closeAt }, now);
    return 'reminded';
  }
}
