import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { CLOCK, Clock, ConflictError, DomainEvents, InvalidInputError, NotFoundError, TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { RequestActor } from '../request-actor';
import { recomputeDue } from '../request-clock';
import { markNoticesToReplan } from '../next-notice';
import { RequestClockChanged } from '../request-clock-changed.event';
import { RequestJournal } from '../request-journal.service';
import { loadFacts } from '../request-store';
import { FINAL_STATES, REQUEST_TYPES, RequestType } from '../request-types';
import { RightsRequestEntity } from '../rights-request.entity';
import { identityMethodFor, offersType, requestLocales } from '../tenant-facts';
import { intakeSlug } from './intake-address';
import { RequestRecordingService } from '../request-recording.service';
import { INTAKE } from './intake-actor';
import { IntakeMessageEntity } from './intake-message.entity';
import { IntakeView, quotedOriginal, readIntakeMessage } from './intake-message-view';
import { proposeOriginalArrival } from './original-arrival';
import { guessLanguage, proposeType } from './type-proposal';

/** Longest free text copied from a message into the request's details (the whole message stays in intake_messages). */
const MAX_TEXT = 5000;

export interface AcceptedMessage {
  messageId: string;
  /** Null when filing failed: the message is stored and the sweep (`fileUnfiled`) files it later. */
  requestId: string | null;
}

/** What the dashboard shows of a request's intake message, and what the admin confirms. */
export interface IntakeProposal {
  messageId: string;
  acceptedAt: Date;
  envelopeFrom: string;
  forwarded: boolean;
  proposedType: RequestType | null;
  proposedReceivedAt: Date | null;
  proposedReceivedSource: IntakeMessageEntity['proposedReceivedSource'];
  confirmedAt: Date | null;
  sizeBytes: number;
}

export interface IntakeConfirmation {
  type: string;
  /** `accepted`: the receipt stays Regula's acceptance; `proposed`: the original's arrival found in the message. */
  receipt: string;
}

/**
 * The e-mail intake's decisions: which tenant a recipient names, storing an accepted
 * message (committed before the SMTP server answers `250`), filing it as a request
 * received at acceptance with its type and, for a forward, the original's arrival
 * proposed; the sweep that files what failed; the admin's confirmation.
 */
@Injectable()
export class MailIntakeService {
  private readonly log = new Logger('mail-intake');

  constructor(
    private readonly db: TenantDb,
    private readonly journal: RequestJournal,
    private readonly events: DomainEvents,
    private readonly recording: RequestRecordingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The tenant an intake recipient names, or null (unknown address, another domain: refused `550`). */
  async tenantFor(recipient: string, domain: string): Promise<{ id: string; slug: string } | null> {
    const slug = intakeSlug(recipient, domain);
    if (!slug) return null;
    const t = await this.db.unscoped((em) => em.findOne(TenantEntity, { where: { slug } }));
    return t ? { id: t.id, slug: t.slug } : null;
  }

  /**
   * Reads the message (MalformedMessageError before anything is stored), stores it in
   * its own transaction with the acceptance instant (the receipt), then files its
   * request. A filing failure is recorded on the stored message and not thrown: the
   * message was accepted and the sweep files it.
   */
  async accept(tenantId: string, envelope: { from: string; to: string }, raw: Buffer): Promise<AcceptedMessage> {
    const view = await readIntakeMessage(raw);
    const acceptedAt = this.clock();
    const stored = await this.db.forTenant(tenantId, (em) =>
      em.save(
        em.create(IntakeMessageEntity, {
          tenantId,
          acceptedAt,
          envelopeFrom: envelope.from,
          envelopeTo: envelope.to,
          sizeBytes: raw.length,
          sha256: createHash('sha256').update(raw).digest('hex'),
          raw,
          requestId: null,
          filingAttempts: 0,
          filingError: null,
        }),
      ),
    );
    return { messageId: stored.id, requestId: await this.fileOrRecord(tenantId, stored.id, view) };
  }

  /** Files every stored message without a request, in every tenant (the safety net of `accept`). */
  async fileUnfiled(): Promise<{ filed: number; failed: number }> {
    const tenants = await this.db.unscoped((em) => em.find(TenantEntity, { select: { id: true } }));
    let filed = 0;
    let failed = 0;
    for (const t of tenants) {
      const ids = await this.db.forTenant(t.id, (em) =>
        em.find(IntakeMessageEntity, { where: { tenantId: t.id, requestId: IsNull() }, select: { id: true }, order: { acceptedAt: 'ASC' } }),
      );
      for (const { id } of ids) {
        if (await this.fileOrRecord(t.id, id)) filed++;
        else failed++;
      }
    }
    return { filed, failed };
  }

  private async fileOrRecord(tenantId: string, messageId: string, view?: IntakeView): Promise<string | null> {
    try {
      return await this.file(tenantId, messageId, view);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      this.log.error(`intake message ${messageId} stored, its request not filed (the sweep retries): ${error}`);
      await this.db
        .forTenant(tenantId, (em) =>
          em.createQueryBuilder().update(IntakeMessageEntity).set({ filingError: error.slice(0, 1000), filingAttempts: () => 'filing_attempts + 1' }).where('id = :id', { id: messageId }).execute(),
        )
        .catch(() => undefined);
      return null;
    }
  }

  /** Files the request of a stored message (idempotent: a filed message returns its request). */
  async file(tenantId: string, messageId: string, view?: IntakeView): Promise<string> {
    return this.db.forTenant(tenantId, async (em) => {
      const msg = await em
        .createQueryBuilder(IntakeMessageEntity, 'm')
        .addSelect('m.raw')
        .where('m.id = :id AND m.tenant_id = :tenantId', { id: messageId, tenantId })
        .setLock('pessimistic_write')
        .getOne();
      if (!msg) throw new NotFoundError(`intake message ${messageId} not found`);
      if (msg.requestId) return msg.requestId;
      const v = view ?? (await readIntakeMessage(msg.raw));
      const facts = await loadFacts(em, tenantId);
      // A forward: the original attached or quoted ("Fwd:" subject), or quoted in what a member sent without one.
      const member = !v.original && (await this.fromMember(em, tenantId, v.from?.address));
      const original = v.original ?? (member ? quotedOriginal(v.text) : null);
      const forwarded = !!original || member;
      const source = original ?? v;
      const requester = source.from ?? v.from;
      const languages = requestLocales(facts);
      const proposed = proposeType(v.subject, `${v.text}\n${source === v ? '' : source.subject + '\n' + source.text}`, languages);
      // Nothing recognised: filed as access (the most asked), `proposedType` stays null so the page says so.
      const type: RequestType = proposed ?? 'access';
      const arrival = original ? proposeOriginalArrival(original, msg.acceptedAt) : null;
      // The one way a channel's request is created (RequestRecordingService.recordIn): received at acceptance,
      // left `received` for the admin to confirm the type and check identity (the intake sends no e-mail).
      const [req] = await this.recording.recordIn(em, facts, {
        channel: 'e-mail',
        receivedAt: msg.acceptedAt,
        types: [type],
        email: requester?.address ?? msg.envelopeFrom,
        name: requester?.name ?? '',
        locale: guessLanguage(`${v.subject}\n${v.text}`, facts.languages),
        // What the page lists under the request: the text, and the attachments by name (the files stay in the stored message).
        details: {
          message: `${v.subject}\n\n${v.text}`.trim().slice(0, MAX_TEXT),
          ...(v.attachments.length ? { attachments: v.attachments.map((a) => `${a.filename ?? '(unnamed)'} (${a.contentType}, ${a.size} bytes)`).join('; ') } : {}),
        },
        identity: 'admin-checks',
        action: 'request.received',
        journalAt: msg.acceptedAt,
        audit: { intakeMessageId: msg.id, forwarded, proposedType: proposed, proposedReceivedAt: arrival?.at.toISOString() ?? null },
      }, INTAKE, this.clock());
      msg.requestId = req.id;
      msg.forwarded = forwarded;
      msg.proposedType = proposed;
      msg.proposedReceivedAt = arrival?.at ?? null;
      msg.proposedReceivedSource = arrival?.source ?? null;
      msg.filingAttempts += 1;
      msg.filingError = null;
      await em.save(msg);
      return req.id;
    });
  }

  /** Sent by a member of the tenant (a compliance admin forwarding from the controller's mailbox)? */
  private async fromMember(em: EntityManager, tenantId: string, address: string | undefined): Promise<boolean> {
    if (!address) return false;
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND u.email = lower($2) AND u.disabled_at IS NULL LIMIT 1`,
      [tenantId, address],
    );
    return rows.length > 0;
  }

  /** The intake message of a request, or null for a request that did not come by e-mail. */
  async proposalFor(tenantId: string, requestId: string): Promise<IntakeProposal | null> {
    const m = await this.db.forTenant(tenantId, (em) => em.findOne(IntakeMessageEntity, { where: { tenantId, requestId } }));
    if (!m) return null;
    const { id, acceptedAt, envelopeFrom, forwarded, proposedType, proposedReceivedAt, proposedReceivedSource, confirmedAt, sizeBytes } = m;
    return { messageId: id, acceptedAt, envelopeFrom, forwarded, proposedType, proposedReceivedAt, proposedReceivedSource, confirmedAt, sizeBytes };
  }

  /**
   * The admin confirms (or corrects) the type and chooses the receipt: Regula's
   * acceptance or the original's arrival it proposed. Once; journaled and audited; the
   * deadline follows the receipt and the SLA jobs are rescheduled.
   */
  async confirm(tenantId: string, requestId: string, input: IntakeConfirmation, actor: RequestActor): Promise<RightsRequestEntity> {
    const errors: string[] = [];
    if (!Object.hasOwn(REQUEST_TYPES, input.type)) errors.push(`type must be one of ${Object.keys(REQUEST_TYPES).join(', ')}`);
    if (input.receipt !== 'accepted' && input.receipt !== 'proposed') errors.push('receipt must be accepted or proposed');
    if (errors.length) throw new InvalidInputError(errors);
    const type = input.type as RequestType;
    return this.db.forTenant(tenantId, async (em) => {
      const req = await em.findOne(RightsRequestEntity, { where: { tenantId, id: requestId }, lock: { mode: 'pessimistic_write' } });
      const msg = req ? await em.findOne(IntakeMessageEntity, { where: { tenantId, requestId } }) : null;
      if (!req || !msg) throw new NotFoundError('this request has no intake message');
      if (msg.confirmedAt) throw new ConflictError('the intake proposal of this request is already confirmed');
      if (FINAL_STATES.includes(req.state)) throw new ConflictError(`the request is ${req.state}`);
      const facts = await loadFacts(em, tenantId);
      if (!offersType(facts, type)) throw new InvalidInputError([`type: ${facts.legalName} does not offer ${type}`]);
      if (input.receipt === 'proposed' && !msg.proposedReceivedAt) throw new InvalidInputError(['receipt: no original arrival was found in the message']);
      const now = this.clock();
      const previous = { type: req.type, receivedAt: req.receivedAt };
      const receivedAt = input.receipt === 'proposed' && msg.proposedReceivedAt ? msg.proposedReceivedAt : msg.acceptedAt;
      req.type = type;
      if (!req.identityVerifiedAt) req.identityMethod = identityMethodFor(facts, type);
      req.receivedAt = receivedAt;
      const d = await recomputeDue(em, facts, req, now);
      await em.save(req);
      msg.confirmedAt = now;
      msg.confirmedBy = actor.userId;
      await em.save(msg);
      await this.journal.record(em, req, {
        kind: 'intake-confirmed', actor, visibleToSubject: false, at: now,
        note: `Type ${type} and receipt ${receivedAt.toISOString()} confirmed`,
        data: { key: 'intake-confirmed', type, receivedAt: receivedAt.toISOString(), dueDate: d.dueDate },
        action: 'request.intake-confirmed',
        details: { type, previousType: previous.type, receipt: input.receipt, receivedAt: receivedAt.toISOString(), previousReceivedAt: previous.receivedAt.toISOString(), dueDate: d.dueDate },
      });
      if (previous.receivedAt.getTime() !== receivedAt.getTime()) {
        await markNoticesToReplan(em, tenantId, req.id);
        await this.events.publish(em, new RequestClockChanged({ tenantId, requestId: req.id, type: req.type }));
      }
      return req;
    });
  }
}
