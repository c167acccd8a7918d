import { Inject, Injectable, Optional } from '@nestjs/common';
import path from 'node:path';
import { EntityManager, IsNull } from 'typeorm';
import { PERSONAL_DATA_READ } from '@regula/audit';
import { CLOCK, Clock, ConflictError, InvalidInputError, systemClock, NotFoundError, TenantDb } from '@regula/platform';
import { detectEvidence, MAX_EVIDENCE_BYTES, EVIDENCE_TYPES } from './evidence-content';
import { EvidenceStore } from './evidence-store';
import { IdentityEvidenceEntity } from './identity-evidence.entity';
import { RequestActor, SUBJECT } from './request-actor';
import { closeOpenSuspension, openIdentitySuspension, openSuspension, recomputeDue } from './request-clock';
import { identityArrival } from './identity-arrival';
import { markIdentityVerified } from './identity-verified';
import { reopenOnArrival, reopensOnArrival } from './identity-wait-reopen';
import { orConflict, requestNotFound } from './request-errors';
import { RequestJournal } from './request-journal.service';
import { RequestNotifier } from './request-notifier.service';
import { RequestRateLimits } from './request-rate-limits.service';
import { statusTokenMatches } from './mail-secrets/request-mail-secrets';
import { normaliseReference, sha256Hex } from './request-secrets';
import { nextState } from './request-state-machine';
import { findByReference, loadFacts } from './request-store';
import { DOCUMENT_METHODS, IdentityMethod } from './request-types';
import { RightsRequestEntity } from './rights-request.entity';
import { withoutSecrets } from './request-filing.service';

/** Documents kept per request (a subject may need a second try; not an unbounded store). */
export const MAX_EVIDENCE_PER_REQUEST = 10;

/** A file name fit to show (never used in a path): no folders, no control characters. */
export function displayFileName(name: string | undefined): string {
  const base = path.basename(String(name ?? '').replace(/\\/g, '/'));
  const clean = base.replace(/[\u0000-\u001F\u007F"<>|*?]/g, '').trim().slice(0, 200);
  return clean || 'document';
}

export interface ConfirmIdentityInput {
  /** How identity was established (a signed letter received by post...). */
  note?: string;
  /** When information that came outside Regula reached the controller (identity-arrival.ts); default now. */
  arrivedAt?: string | Date;
}

export interface ConfirmIdentityResult {
  request: RightsRequestEntity;
  /** The data subject matched by the requester's e-mail address, if any. */
  subjectId: string | null;
  acceptedEvidence: string[];
}

/**
 * Identity for requests whose tenant asks more than the e-mail code: the
 * subject uploads a document (checked by content and size, stored privately),
 * an admin reviews it and confirms identity (matching the data subject by
 * e-mail address) or asks for another one.
 *
 * The clock (request-clock.ts) stands still only while the information asked
 * for under GDPR Art. 12(6) is awaited, and runs again the moment it reaches
 * the controller (EDPB Guidelines 01/2022 §159): the upload ends the
 * suspension, not the admin's later check. The check confirms; a rejection
 * asks again and starts a new suspension from then.
 */
@Injectable()
export class IdentityService {
  constructor(
    private readonly db: TenantDb,
    private readonly store: EvidenceStore,
    private readonly journal: RequestJournal,
    private readonly notifier: RequestNotifier,
    private readonly limits: RequestRateLimits,
    /** "Now" for the clock of the request: receipt, identity asked for and received (tests step it). */
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async addIdentityEvidence(
    tenantId: string,
    reference: string,
    statusToken: string,
    file: { originalName: string; buffer: Buffer },
    ctx?: { ip: string },
  ): Promise<IdentityEvidenceEntity> {
    const ref = normaliseReference(reference);
    if (!ref) throw requestNotFound();
    if (!file || !Buffer.isBuffer(file.buffer)) throw new InvalidInputError(['file is required']);
    if (file.buffer.length === 0) throw new InvalidInputError(['file is empty']);
    if (file.buffer.length > MAX_EVIDENCE_BYTES) throw new InvalidInputError([`file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB`]);
    await this.limits.check('evidence', ctx?.ip, `evidence:${tenantId}:${ref}`);

    // The token and the state first: nothing is read from the file for a stranger.
    await this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, ref, { secrets: true });
      if (!(await statusTokenMatches(em, req, statusToken))) throw requestNotFound(ref);
      if (!reopensOnArrival(req)) this.assertAwaitingDocument(req);
    });

    const detected = await detectEvidence(file.buffer);
    if ('rejected' in detected) {
      const accepted = Object.values(EVIDENCE_TYPES).map((t) => t.label).join(', ');
      throw new InvalidInputError([
        `file type not accepted${detected.rejected ? ` (the content is ${detected.rejected})` : ' (the content is not a known document type)'}: send ${accepted} (.asice, .bdoc, .edoc)`,
      ]);
    }
    const type = detected.allowed;
    const key = await this.store.put(tenantId, file.buffer);
    try {
      return await this.db.forTenant(tenantId, async (em) => {
        const facts = await loadFacts(em, tenantId);
        const req = await findByReference(em, tenantId, ref, { lock: true, secrets: true });
        if (!(await statusTokenMatches(em, req, statusToken))) throw requestNotFound(ref);
        const now = this.clock();
        // Closed as "identity not confirmed": the information arriving reopens it (the letter said so).
        if (reopensOnArrival(req)) await reopenOnArrival(em, this.journal, req, { ...SUBJECT, ip: ctx?.ip }, now);
        this.assertAwaitingDocument(req);
        const count = await em.count(IdentityEvidenceEntity, { where: { tenantId, requestId: req.id } });
        if (count >= MAX_EVIDENCE_PER_REQUEST) throw new ConflictError(`at most ${MAX_EVIDENCE_PER_REQUEST} documents per request`);
        const evidence = await em.save(
          em.create(IdentityEvidenceEntity, {
            tenantId,
            requestId: req.id,
            fileName: displayFileName(file.originalName),
            contentType: type.mime,
            sizeBytes: file.buffer.length,
            sha256: sha256Hex(file.buffer),
            storageKey: key,
            uploadedAt: now,
            reviewedBy: null,
            reviewedAt: null,
            decision: null,
            reviewNote: null,
          }),
        );
        // The information reached the controller: the clock runs again now, before any admin has looked at it.
        const resumed = await closeOpenSuspension(em, req, now);
        const d = await recomputeDue(em, facts, req, now);
        await em.save(req);
        await this.journal.record(em, req, {
          kind: 'identity-evidence', actor: { ...SUBJECT, ip: ctx?.ip }, visibleToSubject: true, at: now,
          note: 'Identity document received; it will be reviewed', data: { key: 'evidence-received', evidenceId: evidence.id, contentType: type.mime, dueDate: d.dueDate },
          action: 'request.evidence-uploaded',
          details: { evidenceId: evidence.id, contentType: type.mime, sizeBytes: evidence.sizeBytes, sha256: evidence.sha256, clockResumed: !!resumed, dueDate: d.dueDate },
          movesClock: !!resumed,
        });
        return evidence;
      });
    } catch (e) {
      await this.store.remove(key).catch(() => undefined);
      throw e;
    }
  }

  private assertAwaitingDocument(req: RightsRequestEntity): void {
    orConflict(nextState(req.state, 'add-evidence'));
    if (!DOCUMENT_METHODS.includes(req.identityMethod as IdentityMethod)) {
      throw new ConflictError('this request needs no identity document: the e-mail code confirms it');
    }
  }

  /**
   * An admin establishes identity (after reviewing the documents, or by other
   * means stated in `note`). Information that reached the controller outside
   * Regula (a letter, an e-mail) is recorded with `arrivedAt`, the instant it
   * arrived (default now): the clock stood still until then, not until this
   * confirmation; the timeline and the audit log say when it arrived and who
   * recorded it.
   */
  async confirmIdentity(tenantId: string, reference: string, actor: RequestActor, input: ConfirmIdentityInput = {}): Promise<ConfirmIdentityResult> {
    return this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      const req = await findByReference(em, tenantId, reference, { lock: true });
      const from = req.state;
      const to = orConflict(nextState(from, 'verify-identity'));
      const pending = await em.find(IdentityEvidenceEntity, { where: { tenantId, requestId: req.id, decision: IsNull() }, order: { uploadedAt: 'ASC' } });
      const note = input.note?.trim() || null;
      if (DOCUMENT_METHODS.includes(req.identityMethod as IdentityMethod) && pending.length === 0 && !note) {
        throw new InvalidInputError(['no identity document is waiting for review: say in note how identity was established (for example, a signed letter received by post)']);
      }
      const now = this.clock();
      const open = await openSuspension(em, req);
      const arrivedAt = identityArrival(input.arrivedAt, { timeZone: facts.timeZone, now, askedAt: open?.fromAt ?? null });
      if (arrivedAt) {
        // The information reached the controller then: the clock runs again from that instant.
        await closeOpenSuspension(em, req, arrivedAt);
        await this.journal.record(em, req, {
          kind: 'identity-information', actor, visibleToSubject: true, at: arrivedAt,
          note: `Identity information received (recorded by ${actor.label} on ${now.toISOString()})`,
          data: { key: 'information-received', arrivedAt: arrivedAt.toISOString(), recordedAt: now.toISOString() },
          action: 'request.identity-information-received',
          details: { arrivedAt: arrivedAt.toISOString(), recordedAt: now.toISOString(), recordedBy: actor.label, askedAt: open!.fromAt.toISOString(), note },
          movesClock: true,
        });
      }
      for (const ev of pending) await em.update(IdentityEvidenceEntity, { id: ev.id }, { decision: 'accepted', reviewedBy: actor.label, reviewedAt: now });
      const subjectMatched = await markIdentityVerified(em, req, now);
      req.state = to;
      const d = await recomputeDue(em, facts, req, now);
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'transition', from, to, actor, visibleToSubject: true, at: now,
        note: `Identity confirmed; we are working on your request (due ${d.dueDate})`, data: { key: 'identity-verified', dueDate: d.dueDate },
        action: 'request.identity-confirmed',
        details: { acceptedEvidence: pending.map((e) => e.id), subjectMatched, emailConfirmed: !!req.emailVerifiedAt, note, dueDate: d.dueDate, arrivedAt: arrivedAt?.toISOString() ?? null },
      });
      await this.notifier.notify(em, facts, req, 'identity-confirmed');
      return { request: withoutSecrets(req), subjectId: req.subjectId, acceptedEvidence: pending.map((e) => e.id) };
    });
  }

  /** An admin asks for another document, saying why; the clock stands still again from now. */
  async rejectEvidence(tenantId: string, reference: string, actor: RequestActor, input: { reason: string; evidenceId?: string }): Promise<IdentityEvidenceEntity[]> {
    const reason = input.reason?.trim();
    if (!reason) throw new InvalidInputError(['reason is required']);
    return this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      const req = await findByReference(em, tenantId, reference, { lock: true });
      orConflict(nextState(req.state, 'reject-evidence'));
      const where = { tenantId, requestId: req.id, decision: IsNull(), ...(input.evidenceId ? { id: input.evidenceId } : {}) };
      const pending = await em.find(IdentityEvidenceEntity, { where });
      if (!pending.length) throw new ConflictError(input.evidenceId ? `document ${input.evidenceId} is not waiting for review` : 'no identity document is waiting for review');
      const now = this.clock();
      for (const ev of pending) await em.update(IdentityEvidenceEntity, { id: ev.id }, { decision: 'rejected', reviewedBy: actor.label, reviewedAt: now, reviewNote: reason });
      // Identity is asked for again: a new suspension from now (Art. 12(6)); the days since the upload counted.
      const opened = await openIdentitySuspension(em, req, now, `waiting for another identity document (${req.identityMethod})`);
      const d = await recomputeDue(em, facts, req, now);
      await em.save(req);
      await this.journal.record(em, req, {
        kind: 'identity-evidence-rejected', actor, visibleToSubject: true, at: now, note: reason,
        data: { key: 'evidence-rejected', evidenceIds: pending.map((e) => e.id) },
        action: 'request.evidence-rejected', details: { evidenceIds: pending.map((e) => e.id), reason, clockStopped: !!opened, dueDate: d.dueDate },
        movesClock: !!opened,
      });
      await this.notifier.notify(em, facts, req, 'identity-document-needed', { method: req.identityMethod, rejectionReason: reason });
      return em.find(IdentityEvidenceEntity, { where: { tenantId, requestId: req.id }, order: { uploadedAt: 'ASC' } });
    });
  }

  /** A document's metadata and content, for the tenant's admins (integrity checked against the recorded SHA-256). */
  async readEvidence(tenantId: string, reference: string, evidenceId: string, actor: RequestActor): Promise<{ evidence: IdentityEvidenceEntity; content: Buffer }> {
    const evidence = await this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, reference);
      const ev = /^[0-9a-f-]{36}$/i.test(evidenceId) ? await em.findOne(IdentityEvidenceEntity, { where: { tenantId, requestId: req.id, id: evidenceId } }) : null;
      if (!ev) throw new NotFoundError(`no document ${evidenceId} for request ${req.reference}`);
      // Who looked at an identity document is part of the record: a reading of personal data, on the timeline too.
      await this.journal.record(em, req, {
        kind: 'evidence-downloaded', actor, visibleToSubject: false, data: { evidenceId: ev.id },
        action: PERSONAL_DATA_READ, details: { what: 'identity-document', evidenceId: ev.id, sha256: ev.sha256 },
      });
      return ev;
    });
    const content = await this.store.read(evidence.storageKey);
    const hash = sha256Hex(content);
    if (hash !== evidence.sha256) throw new ConflictError('the stored document does not match its recorded SHA-256');
    return { evidence, content };
  }
}
