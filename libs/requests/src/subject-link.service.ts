import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DataSubjectEntity, IDENTIFIER_KINDS, IdentifierError, isIdentifierKind, normaliseIdentifier, SubjectIdentifierEntity } from '@regula/subjects';
import { CLOCK, Clock, ConflictError, InvalidInputError, TenantDb } from '@regula/platform';
import { RequestActor } from './request-actor';
import { RequestJournal } from './request-journal.service';
import { findByReference, loadFacts } from './request-store';
import { FINAL_STATES } from './request-types';
import { RightsRequestEntity } from './rights-request.entity';

export interface SubjectLinkInput {
  /** An identifier kind the stores hold (`phone`, `customer-number`, `username`, `email`). */
  kind: unknown;
  value: unknown;
}

/** The subject a request is linked to, as the request page shows it (never the identifier typed). */
export interface LinkedSubject {
  id: string;
  displayName: string | null;
  identifierKinds: string[];
}

/**
 * Links a request to the data subject whose records fulfilment acts on, by an
 * identifier the admin enters. Identity matching by itself is by e-mail only
 * (identity-verified.ts); a subject who wrote a letter or called has no
 * address Regula could match, so the admin enters what the controller's
 * systems know them by (a phone number, a customer or patient number, a user
 * name), normalised like the ingested identifiers (a national phone number
 * gets the controller's country code). The fulfilment previews and acts then
 * use that subject's data. 400 naming `kind` or `value` (no subject holds
 * it); journaled for staff; audited with the kind and the subject, not the
 * value typed.
 */
@Injectable()
export class SubjectLinkService {
  constructor(private readonly db: TenantDb, private readonly journal: RequestJournal, @Inject(CLOCK) private readonly clock: Clock) {}

  async link(tenantId: string, reference: string, input: SubjectLinkInput, actor: RequestActor): Promise<LinkedSubject> {
    const kind = input?.kind;
    if (!isIdentifierKind(kind)) throw new InvalidInputError([`kind must be one of: ${IDENTIFIER_KINDS.join(', ')}`]);
    if (typeof input.value !== 'string' || !input.value.trim()) throw new InvalidInputError(['value is required']);
    return this.db.forTenant(tenantId, async (em) => {
      const facts = await loadFacts(em, tenantId);
      let value: string;
      try {
        value = normaliseIdentifier(kind, input.value as string, facts.country);
      } catch (e) {
        if (e instanceof IdentifierError) throw new InvalidInputError([`value ${e.message}`]);
        throw e;
      }
      const req = await findByReference(em, tenantId, reference, { lock: true });
      if (FINAL_STATES.includes(req.state)) throw new ConflictError(`the request is ${req.state}`);
      const hit = await em.findOne(SubjectIdentifierEntity, { where: { tenantId, kind, value } });
      if (!hit) throw new InvalidInputError([`value: no data subject of ${facts.legalName} has this ${kind}`]);
      const previous = req.subjectId;
      if (previous !== hit.subjectId) {
        req.subjectId = hit.subjectId;
        await em.update(RightsRequestEntity, { id: req.id }, { subjectId: hit.subjectId });
        await this.journal.record(em, req, {
          kind: 'subject-linked', actor, visibleToSubject: false, at: this.clock(),
          note: `Linked to the data subject's records by ${kind}`, data: { key: 'subject-linked', kind },
          action: 'request.subject-linked', details: { kind, subjectId: hit.subjectId, previousSubjectId: previous },
        });
      }
      return (await linkedSubject(em, tenantId, hit.subjectId))!;
    });
  }

  /** The subject a request is linked to, or null. */
  linked(tenantId: string, subjectId: string | null): Promise<LinkedSubject | null> {
    if (!subjectId) return Promise.resolve(null);
    return this.db.forTenant(tenantId, (em) => linkedSubject(em, tenantId, subjectId));
  }
}

async function linkedSubject(em: EntityManager, tenantId: string, subjectId: string): Promise<LinkedSubject | null> {
  const subject = await em.findOne(DataSubjectEntity, { where: { tenantId, id: subjectId } });
  if (!subject) return null;
  const kinds = await em.find(SubjectIdentifierEntity, { where: { tenantId, subjectId }, select: { kind: true } });
  return { id: subject.id, displayName: subject.displayName ?? null, identifierKinds: [...new Set(kinds.map((k) => k.kind))].sort() };
}
