import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, CLOCK, Clock, CommonConfig, InvalidInputError, TenantDb, TooLargeError } from '@regula/platform';
import { ORIGINAL_KIND, RequestArtifactEntity } from './fulfilment/request-artifact.entity';
import { markIdentityVerified } from './identity-verified';
import { MAX_EVIDENCE_BYTES } from './evidence-content';
import { acceptedOriginals, detectOriginal } from './original-content';
import { RequestActor, SYSTEM } from './request-actor';
import { openIdentitySuspension, recomputeDue } from './request-clock';
import { orConflict } from './request-errors';
import { withoutSecrets } from './request-filing.service';
import { RequestJournal } from './request-journal.service';
import { insertReceivedRequest, NewRequest } from './new-request';
import { RequestNotifier } from './request-notifier.service';
import { RecordRequestInput, validateRecordedRequest } from './request-recording.validation';
import { replyFileName } from './request-replies.service';
import { newStatusToken, sha256Hex } from './request-secrets';
import { nextState } from './request-state-machine';
import { loadFacts, uniqueReference } from './request-store';
import { DOCUMENT_METHODS, RequestType } from './request-types';
import { RightsRequestEntity } from './rights-request.entity';
import { TenantFacts } from './tenant-facts';

/** The artifact kind of a recorded request's original (the .eml, the scanned letter); one per request. */
export { ORIGINAL_KIND };
/** Largest original: the identity documents' limit. */
export const MAX_ORIGINAL_BYTES = MAX_EVIDENCE_BYTES;

/** A request that reached the controller through a channel, as `recordIn` creates it (validated by its caller). */
export interface ChannelRecording {
  channel: string;
  /** The receipt: the deadline runs from here; never later than the recording. */
  receivedAt: Date;
  /** One request per type, linked by `details.recordedWith`. */
  types: RequestType[];
  name: string;
  email: string | null;
  locale: string;
  details: Record<string, unknown>;
  /** What an admin recorded about its arrival (none for the intake). */
  recorded?: NonNullable<NewRequest['recorded']>;
  /** The original checked by content and size, kept as the request's `original` artifact (the intake keeps its message in intake_messages). */
  original?: { mime: string; fileName: string; body: Buffer } | null;
  /** Identity seen (`note`) or asked for (`note: null`) at recording, or left for the admin to check (`admin-checks`). */
  identity: { note: string | null } | 'admin-checks';
  /** The audit action of the `received` entry. */
  action: 'request.recorded' | 'request.received';
  /** When the `received` entry is dated (the recording by default; the intake: its acceptance). */
  journalAt?: Date;
  /** Extra audit facts (ids, proposals; no text the subject wrote). */
  audit?: Record<string, unknown>;
}

export interface RecordedRequests {
  /** One request per type, in the order given; none carries a status token (the admin never holds the subject's link). */
  requests: RightsRequestEntity[];
  recordedLate: boolean;
}

/**
 * A compliance admin records a request that reached the controller by
 * e-mail, post, phone or in person. The deadline runs from `receivedAt`, the
 * instant it reached the controller (GDPR Art. 12(3); request-deadline.ts),
 * not from the recording. Recorded on a later local day than received: the
 * request is marked `recordedLate` and the audit entry says so.
 *
 * Identity: with `identityNote` the admin established it when recording (they
 * saw the person, a signed letter) and the request starts in progress.
 * Otherwise it waits for identity (the clock stands still from the
 * recording, EDPB 01/2022 §159): with an e-mail address the subject gets the
 * usual e-mails (received, with the status link; the code); without one
 * nothing is sent and the admin confirms identity later with the existing
 * action, with a note saying how.
 */
@Injectable()
export class RequestRecordingService {
  constructor(
    private readonly db: TenantDb,
    private readonly journal: RequestJournal,
    private readonly notifier: RequestNotifier,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly cfg: CommonConfig,
  ) {}

  /** 400 naming the field (`receivedAt`, `lateReason`, the contact, the original), 413 an original over 10 MB. */
  async record(tenantId: string, input: RecordRequestInput, actor: RequestActor, original?: { buffer: Buffer; originalName: string }): Promise<RecordedRequests> {
    const now = this.clock();
    const facts = await this.db.forTenant(tenantId, (em) => loadFacts(em, tenantId));
    const clean = validateRecordedRequest(input, facts, now);
    const file = original ? await checkedOriginal(original) : undefined;
    const receivedBy = clean.receivedBy ?? actor.label;

    return this.db.forTenant(tenantId, async (em) => {
      const requests = await this.recordIn(em, facts, {
        channel: clean.channel, receivedAt: clean.receivedAt, types: clean.types, name: clean.name, email: clean.email, locale: clean.locale, details: clean.details,
        recorded: { requesterAddress: clean.postalAddress, requesterPhone: clean.phone, receivedBy, recordedLate: clean.recordedLate, lateReason: clean.lateReason },
        original: file ?? null,
        identity: { note: clean.identityNote },
        action: 'request.recorded',
      }, actor, now);
      return { requests: requests.map(withoutSecrets), recordedLate: clean.recordedLate };
    });
  }

  /**
   * The one way a request that reached the controller through a channel is
   * created, in the caller's transaction: the admin's recording (`record`) and
   * the e-mail intake (MailIntakeService) both come here. One row per type
   * (`insertReceivedRequest`, due from `receivedAt`), the original kept as an
   * artifact where given, the `received` journal entry (audited as `action`),
   * then identity: seen at recording, asked for (the clock stands still), or
   * `admin-checks` (the intake: the request stays `received`, the clock runs,
   * no e-mail is sent; the admin checks identity on the request page).
   * `receivedAt` is never later than `now`: a receipt cannot follow the moment
   * the request is in Regula's hands.
   */
  async recordIn(em: EntityManager, facts: TenantFacts, input: ChannelRecording, actor: RequestActor, now: Date): Promise<RightsRequestEntity[]> {
    if (input.receivedAt.getTime() > now.getTime()) throw new InvalidInputError(['receivedAt must not be in the future']);
    const tenantId = facts.id;
    const references: string[] = [];
    for (let i = 0; i < input.types.length; i++) references.push(await uniqueReference(em, tenantId));
    const receivedBy = input.recorded?.receivedBy ?? null;
    const requests: RightsRequestEntity[] = [];
    for (const [i, type] of input.types.entries()) {
      const others = references.filter((_, j) => j !== i);
      const { req, deadline: d, method, earlier } = await insertReceivedRequest(em, facts, {
        type, reference: references[i], requesterName: input.name, requesterEmail: input.email, locale: input.locale,
        details: others.length ? { ...input.details, recordedWith: others } : input.details,
        channel: input.channel, receivedAt: input.receivedAt,
        // Nobody holds this link: the subject's links come with the e-mails (none without an address, none from the intake).
        statusTokenHash: sha256Hex(newStatusToken()),
        recorded: input.recorded,
      }, now);
      const file = input.original;
      const fileRow = file
        ? await em.save(em.create(RequestArtifactEntity, { tenantId, requestId: req.id, kind: ORIGINAL_KIND, contentType: file.mime, fileName: file.fileName, body: file.body, sizeBytes: file.body.length, sha256: sha256Hex(file.body), note: null, delivery: null }))
        : null;
      await this.journal.record(em, req, {
        kind: 'received', to: 'received', actor, visibleToSubject: true, at: input.journalAt ?? now,
        note: 'Request received', data: { key: 'received', dueDate: d.dueDate, channel: input.channel, receivedAt: input.receivedAt.toISOString() },
        action: input.action,
        details: {
          type, channel: input.channel, receivedAt: input.receivedAt.toISOString(), receivedBy, recordedLate: input.recorded?.recordedLate ?? false, lateReason: input.recorded?.lateReason ?? null,
          withEmail: !!input.email, recordedWith: others, identityMethod: method, dueDate: d.dueDate, duplicateOf: earlier?.reference ?? null,
          original: fileRow ? { artifactId: fileRow.id, contentType: fileRow.contentType, sizeBytes: fileRow.sizeBytes, sha256: fileRow.sha256 } : null,
          ...input.audit,
        },
      });
      requests.push(input.identity === 'admin-checks' ? req : await this.identity(em, facts, req, input.identity.note, actor, now));
    }
    return requests;
  }

  /** Identity seen at recording (the note says how), else the wait for it, as a filed request does. */
  private async identity(
    em: EntityManager,
    facts: TenantFacts,
    req: RightsRequestEntity,
    identityNote: string | null,
    actor: RequestActor,
    now: Date,
  ): Promise<RightsRequestEntity> {
    const at = new Date(now.getTime() + 1);
    if (identityNote) {
      const to = orConflict(nextState(req.state, 'verify-identity'));
      const subjectMatched = await markIdentityVerified(em, req, at);
      req.state = to;
      const d = await recomputeDue(em, facts, req, at);
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'transition', from: 'received', to, actor, visibleToSubject: true, at,
        note: `Identity confirmed; we are working on your request (due ${d.dueDate})`, data: { key: 'identity-verified', dueDate: d.dueDate },
        action: 'request.identity-confirmed', details: { acceptedEvidence: [], subjectMatched, emailConfirmed: false, note: identityNote, dueDate: d.dueDate, atRecording: true },
      });
      await this.notifier.notify(em, facts, req, 'request-received', { identityDocument: null }, { statusLink: true });
      return req;
    }
    const to = orConflict(nextState(req.state, 'await-identity'));
    const reason = req.requesterEmail ? 'waiting for the requester to confirm the e-mail address' : 'waiting for the requester to establish identity by post or in person';
    // Asked for identity when recorded: more than REQUESTS_IDENTITY_LATE_DAYS after receipt is flagged late.
    await openIdentitySuspension(em, req, at, reason, this.cfg.REQUESTS_IDENTITY_LATE_DAYS);
    req.state = to;
    await em.save(req);
    await this.journal.record(em, req, {
      kind: 'transition', from: 'received', to, actor: SYSTEM, visibleToSubject: true, at,
      note: req.requesterEmail ? 'Waiting for you to confirm your e-mail address; the time limit stands still meanwhile' : 'Waiting for you to establish your identity; the time limit stands still meanwhile',
      data: { key: 'awaiting-identity', identityMethod: req.identityMethod },
      action: 'request.awaiting-identity', details: { identityMethod: req.identityMethod, withEmail: !!req.requesterEmail },
    });
    // Both return null without an address: no e-mail, no status link, no code.
    const method = req.identityMethod;
    await this.notifier.notify(em, facts, req, 'request-received', { identityDocument: DOCUMENT_METHODS.includes(method) ? method : null }, { statusLink: true });
    await this.notifier.sendCode(em, facts, req, now);
    return req;
  }
}

/** The original checked like an identity document: by content (an .eml, a PDF or image scan, ASiC-E) and size. */
async function checkedOriginal(original: { buffer: Buffer; originalName: string }): Promise<{ mime: string; fileName: string; body: Buffer }> {
  if (!Buffer.isBuffer(original.buffer) || original.buffer.length === 0) throw new InvalidInputError(['original is empty']);
  if (original.buffer.length > MAX_ORIGINAL_BYTES) throw new TooLargeError(`original is larger than ${MAX_ORIGINAL_BYTES / 1024 / 1024} MB`);
  const detected = await detectOriginal(original.buffer);
  if ('rejected' in detected) {
    throw new InvalidInputError([
      `original: file type not accepted${detected.rejected ? ` (the content is ${detected.rejected})` : ' (the content is not a known document type)'}: send ${acceptedOriginals()}`,
    ]);
  }
  return { mime: detected.allowed.mime, fileName: replyFileName(original.originalName, detected.allowed.ext), body: original.buffer };
}
