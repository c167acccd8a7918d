import type { EntityManager } from 'typeorm';
import { ConsentEntity, DataSubjectEntity, DisclosureEntity, PersonalDataRecordEntity, ProcessingObjectionEntity, SubjectIdentifierEntity } from '@regula/subjects';
import { SourceSystemEntity } from '@regula/ingest';
import type { SubjectData } from './subject-data';

/** Loads what a tenant holds about one subject, in the tenant's transaction (RLS applies). */
export async function loadSubjectData(em: EntityManager, tenantId: string, subjectId: string): Promise<SubjectData> {
  const facts = await loadSubjectFacts(em, tenantId, subjectId);
  const records = await em.find(PersonalDataRecordEntity, { where: { tenantId, subjectId }, order: { registerKey: 'ASC', categoryId: 'ASC', collectedAt: 'ASC', id: 'ASC' } });
  return { ...facts, records };
}

/** Everything but the records (an access package streams those): the subject, identifiers, consents, objections, disclosures, notes, systems. */
export async function loadSubjectFacts(em: EntityManager, tenantId: string, subjectId: string): Promise<Omit<SubjectData, 'records'>> {
  const subject = await em.findOne(DataSubjectEntity, { where: { tenantId, id: subjectId } });
  if (!subject) throw new Error(`subject ${subjectId} not found in tenant ${tenantId}`);
  // One after another: the transaction has one connection.
  const identifiers = await em.find(SubjectIdentifierEntity, { where: { tenantId, subjectId }, order: { kind: 'ASC', value: 'ASC' } });
  const consents = await em.find(ConsentEntity, { where: { tenantId, subjectId }, order: { givenAt: 'ASC', id: 'ASC' } });
  const objections = await em.find(ProcessingObjectionEntity, { where: { tenantId, subjectId }, order: { effectiveAt: 'ASC', id: 'ASC' } });
  const disclosures = await em.find(DisclosureEntity, { where: { tenantId, subjectId }, order: { disclosedAt: 'ASC', id: 'ASC' } });
  const systems = await em.find(SourceSystemEntity, { where: { tenantId } });
  // Notes written on any request matched to this subject (this one included): what staff recorded about them.
  const notes: { reference: string; created_at: Date; text: string }[] = await em.query(
    `SELECT r.reference, n.created_at, n.text FROM request_notes n JOIN rights_requests r ON r.id = n.request_id
      WHERE n.tenant_id = $1 AND r.subject_id = $2 ORDER BY n.created_at, n.id`,
    [tenantId, subjectId],
  );
  return {
    subject: { id: subject.id, displayName: subject.displayName, locale: subject.locale, erasedAt: subject.erasedAt },
    identifiers,
    consents,
    objections,
    disclosures,
    requestNotes: notes.map((n) => ({ reference: n.reference, at: n.created_at, text: n.text })),
    sourceSystems: Object.fromEntries(systems.map((s) => [s.id, s.name])),
  };
}
