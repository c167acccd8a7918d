import { EntityManager } from 'typeorm';
import { SubjectIdentifierEntity } from '@regula/subjects';

/**
 * The data subject for whom the controller already holds this e-mail address
 * (an `email` identifier in its data), or null. A code sent to such an
 * address is the proportionate identity check (GDPR Art. 12(2), 12(6),
 * recital 64; EDPB Guidelines 01/2022 §§ 70-77): it confirms a request by
 * itself even where the tenant asks for a heavier form, and it is what
 * matches a request to the subject's data.
 */
export async function subjectHoldingAddress(em: EntityManager, tenantId: string, email: string | null | undefined): Promise<string | null> {
  if (!email) return null;
  const hit = await em.findOne(SubjectIdentifierEntity, { where: { tenantId, kind: 'email', value: email.trim().toLowerCase() } });
  return hit?.subjectId ?? null;
}
