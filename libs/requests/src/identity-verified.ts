import { EntityManager } from 'typeorm';
import { closeOpenSuspension } from './request-clock';
import { subjectHoldingAddress } from './held-address';
import { RightsRequestEntity } from './rights-request.entity';

/**
 * Identity is established (by the e-mail code, or by an admin after a
 * document): the clock runs again (the open suspension closes, EDPB 01/2022
 * §159) and the request is matched to the data subject whose e-mail
 * identifier is the requester's address, so fulfilment acts on their data.
 * Returns whether a subject was matched.
 */
export async function markIdentityVerified(em: EntityManager, req: RightsRequestEntity, now: Date): Promise<boolean> {
  // A subject without e-mail (a recorded letter or call) is matched by the admin later, not by address.
  const hit = await subjectHoldingAddress(em, req.tenantId, req.requesterEmail);
  req.subjectId = hit ?? req.subjectId;
  req.identityVerifiedAt = now;
  await closeOpenSuspension(em, req, now);
  return !!hit;
}
