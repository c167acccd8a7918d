import { Injectable } from '@nestjs/common';
import { ForbiddenError, InvalidInputError, TenantDb } from '@regula/platform';
import { RequestActor } from '../request-actor';
import { RequestJournal } from '../request-journal.service';
import { findByReference } from '../request-store';
import { RequestNoteEntity } from './request-note.entity';

export const MAX_NOTE = 4000;

export interface RequestNoteView {
  id: string;
  at: Date;
  author: string;
  text: string;
}

/**
 * Internal notes of the tenant's staff on a request. Never on the status page
 * nor in an e-mail to the subject (the timeline entry that records one is not
 * visible to the subject and holds no text). They are the requester's
 * personal data: the access package of a later access request of the same
 * subject includes them (`subject-data.loader.ts`). Adding one is audited
 * (`request.note.added`, without the text: the audit log outlives the request).
 */
@Injectable()
export class RequestNotesService {
  constructor(private readonly db: TenantDb, private readonly journal: RequestJournal) {}

  add(tenantId: string, reference: string, actor: RequestActor, text: unknown): Promise<RequestNoteView> {
    const body = typeof text === 'string' ? text.trim() : '';
    if (!body) throw new InvalidInputError(['text is required']);
    if (body.length > MAX_NOTE) throw new InvalidInputError([`text must be at most ${MAX_NOTE} characters`]);
    if (!actor.userId) throw new ForbiddenError('only staff write internal notes');
    return this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, reference, { lock: true });
      const note = await em.save(em.create(RequestNoteEntity, { tenantId, requestId: req.id, authorId: actor.userId, authorLabel: actor.label, text: body }));
      await this.journal.record(em, req, {
        kind: 'note', actor, visibleToSubject: false, at: note.createdAt, data: { noteId: note.id },
        action: 'request.note.added', details: { noteId: note.id, length: body.length },
      });
      return { id: note.id, at: note.createdAt, author: note.authorLabel, text: note.text };
    });
  }

  /** A request's notes, oldest first (staff only: the caller checks requests:read). */
  list(tenantId: string, reference: string): Promise<RequestNoteView[]> {
    return this.db.forTenant(tenantId, async (em) => {
      const req = await findByReference(em, tenantId, reference);
      const rows = await em.find(RequestNoteEntity, { where: { tenantId, requestId: req.id }, order: { createdAt: 'ASC', id: 'ASC' } });
      return rows.map((n) => ({ id: n.id, at: n.createdAt, author: n.authorLabel, text: n.text }));
    });
  }
}
