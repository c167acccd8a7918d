import { Inject, Injectable, Optional } from '@nestjs/common';
import path from 'node:path';
import { EntityManager } from 'typeorm';
import { CLOCK, Clock, InvalidInputError, systemClock, TenantDb, TooLargeError } from '@regula/platform';
import { EVIDENCE_TYPES, MAX_EVIDENCE_BYTES, detectEvidence } from './evidence-content';
import { artifactPath } from './fulfilment/artifact-store.service';
import { RequestArtifactEntity } from './fulfilment/request-artifact.entity';
import { displayFileName } from './identity.service';
import { RequestActor } from './request-actor';
import { IllegalTransition, nextState } from './request-state-machine';
import { IllegalTransitionError } from './request-errors';
import { RequestJournal } from './request-journal.service';
import { RequestNotifier } from './request-notifier.service';
import { sha256Hex } from './request-secrets';
import { findByReference, loadFacts } from './request-store';
import { RightsRequestEntity } from './rights-request.entity';

/** The artifact kind of a reply document (several per request). */
export const REPLY_KIND = 'reply';
/** Largest reply document: the same limit as an identity document. */
export const MAX_REPLY_BYTES = MAX_EVIDENCE_BYTES;
export const MAX_REPLY_NOTE = 2000;
/** How a reply reached the subject: e-mailed by Regula, or sent by post / handed over by the admin (a subject without e-mail). */
export const REPLY_DELIVERIES = ['e-mail', 'post', 'in-person'] as const;
export type ReplyDelivery = (typeof REPLY_DELIVERIES)[number];

/** A reply as the dashboard and the status page list it (never its body). */
export interface ReplyMeta {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  note: string | null;
  createdAt: Date;
  delivery: ReplyDelivery;
  /** The subject's download (the status page adds `?token=`). */
  path: string;
}

/**
 * The stored name: `[A-Za-z0-9._-]` only (the column's CHECK, and a safe
 * Content-Disposition), the uploaded base name kept where it can be, and
 * always the extension of the type detected from the content.
 */
export function replyFileName(uploaded: string | undefined, ext: string): string {
  const shown = uploaded?.trim() ? displayFileName(uploaded) : '';
  const base = path.basename(shown, path.extname(shown)).normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+|_+$/g, '').slice(0, 100);
  return `${base || 'reply'}.${ext}`;
}

function noteOf(note: unknown): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note !== 'string') throw new InvalidInputError(['note must be text']);
  const s = note.trim();
  if (s.length > MAX_REPLY_NOTE) throw new InvalidInputError([`note must be at most ${MAX_REPLY_NOTE} characters`]);
  return s || null;
}

/** E-mail where the subject has an address, else post; an e-mail reply to a subject without one is refused. */
function deliveryOf(v: unknown, req: RightsRequestEntity): ReplyDelivery {
  if (v === undefined || v === null || v === '') return req.requesterEmail ? 'e-mail' : 'post';
  if (!REPLY_DELIVERIES.includes(v as ReplyDelivery)) throw new InvalidInputError([`delivery must be one of: ${REPLY_DELIVERIES.join(', ')}`]);
  if (v === 'e-mail' && !req.requesterEmail) throw new InvalidInputError(['delivery: the requester has no e-mail address; record the reply as sent by post or handed over in person']);
  return v as ReplyDelivery;
}

function toMeta(slug: string, reference: string, a: RequestArtifactEntity): ReplyMeta {
  return {
    id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256, note: a.note ?? null, createdAt: a.createdAt, delivery: a.delivery ?? 'e-mail',
    path: artifactPath(slug, reference, a.id),
  };
}

/**
 * A compliance admin answers a request with a document of their own (a
 * letter, a signed decision): checked by content (the identity documents'
 * types: PDF, PNG, JPEG, ASiC-E) and size, kept with the request's other
 * artifacts (`request_artifacts`, RLS, never on a public path), shown to the
 * subject on the status page, journaled, audited with its SHA-256, e-mailed;
 * or, for a subject answered on paper, recorded as sent by post or handed
 * over in person (`delivery`), with no e-mail.
 */
@Injectable()
export class RequestRepliesService {
  constructor(
    private readonly db: TenantDb,
    private readonly journal: RequestJournal,
    private readonly notifier: RequestNotifier,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** 400 bad file or note, 413 too large, 404 unknown request (of this tenant), 409 closed request. */
  async uploadReply(
    tenantId: string,
    reference: string,
    file: { buffer: Buffer; originalName: string } | undefined,
    note: unknown,
    actor: RequestActor,
    delivery?: unknown,
  ): Promise<ReplyMeta> {
    if (!file || !Buffer.isBuffer(file.buffer)) throw new InvalidInputError(['file is required']);
    if (file.buffer.length === 0) throw new InvalidInputError(['file is empty']);
    if (file.buffer.length > MAX_REPLY_BYTES) throw new TooLargeError(`file is larger than ${MAX_REPLY_BYTES / 1024 / 1024} MB`);
    const text = noteOf(note);

    // The request and its state first (404, 409): nothing is read from the file for another tenant's reference.
    await this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, reference);
      assertOpen(req);
      deliveryOf(delivery, req);
    });

    const detected = await detectEvidence(file.buffer);
    if ('rejected' in detected) {
      const accepted = Object.values(EVIDENCE_TYPES).map((t) => t.label).join(', ');
      throw new InvalidInputError([
        `file type not accepted${detected.rejected ? ` (the content is ${detected.rejected})` : ' (the content is not a known document type)'}: send ${accepted} (.asice, .bdoc, .edoc)`,
      ]);
    }
    const type = detected.allowed;
    const body = file.buffer;
    const fileName = replyFileName(file.originalName, type.ext);

    return this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      const req = await findByReference(em, tenantId, reference, { lock: true });
      assertOpen(req);
      const sent = deliveryOf(delivery, req);
      const now = this.clock();
      const row = await em.save(
        em.create(RequestArtifactEntity, { tenantId, requestId: req.id, kind: REPLY_KIND, contentType: type.mime, fileName, body, sizeBytes: body.length, sha256: sha256Hex(body), note: text, delivery: sent }),
      );
      await this.journal.record(em, req, {
        kind: 'reply', actor, visibleToSubject: true, at: now, note: text ?? fileName,
        data: { key: 'reply', artifactId: row.id, fileName, delivery: sent },
        action: 'request.reply-uploaded',
        details: { artifactId: row.id, fileName, contentType: type.mime, sizeBytes: body.length, sha256: row.sha256, withNote: !!text, delivery: sent },
      });
      if (sent === 'e-mail') await this.notifier.notify(em, facts, req, 'reply-uploaded', { fileName, note: text });
      return toMeta(facts.slug, req.reference, row);
    });
  }

  /** The request's replies, oldest first (metadata only). */
  list(tenantId: string, reference: string): Promise<ReplyMeta[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      const req = await findByReference(em, tenantId, reference);
      return (await repliesOf(em, req)).map((a) => toMeta(facts.slug, req.reference, a));
    });
  }
}

function repliesOf(em: EntityManager, req: RightsRequestEntity): Promise<RequestArtifactEntity[]> {
  return em.find(RequestArtifactEntity, { where: { tenantId: req.tenantId, requestId: req.id, kind: REPLY_KIND }, order: { createdAt: 'ASC', id: 'ASC' } });
}

function assertOpen(req: RightsRequestEntity): void {
  const next = nextState(req.state, 'reply');
  if (next instanceof IllegalTransition) {
    throw new IllegalTransitionError(new IllegalTransition(req.state, 'reply', `cannot upload a reply to a request in state '${req.state}' (the request is closed)`));
  }
}
