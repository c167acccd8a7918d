import { EntityManager } from 'typeorm';
import { newReference } from './request-secrets';
import { RightsRequestEntity } from './rights-request.entity';

/** A request reference not yet taken in the tenant (a few draws; the space is large). */
export async function drawReference(em: EntityManager, tenantId: string): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const reference = newReference();
    const taken = await em.count(RightsRequestEntity, { where: { tenantId, reference } });
    if (!taken) return reference;
  }
  throw new Error('could not draw a free request reference');
}
