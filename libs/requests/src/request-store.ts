import { NotFoundError } from '@regula/platform';
import { EntityManager } from 'typeorm';
import { TenantEntity } from '@regula/tenancy';
import { requestNotFound } from './request-errors';
import { newReference, normaliseReference } from './request-secrets';
import { RightsRequestEntity } from './rights-request.entity';
import { TenantFacts, tenantFacts } from './tenant-facts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadFacts(em: EntityManager, tenantId: string): Promise<TenantFacts> {
  const t = await em.findOne(TenantEntity, { where: { id: tenantId } });
  if (!t) throw new NotFoundError('no such tenant');
  return tenantFacts(t);
}

/**
 * One request of the tenant by reference, locked for update when `lock`
 * (transitions are serialised per request). `secrets` also reads the hashes.
 * Another tenant's request is simply not found (WHERE tenant_id, and RLS).
 */
export async function findByReference(
  em: EntityManager,
  tenantId: string,
  reference: string,
  opts: { lock?: boolean; secrets?: boolean } = {},
): Promise<RightsRequestEntity> {
  const ref = normaliseReference(reference);
  if (!ref) throw requestNotFound();
  const qb = em.createQueryBuilder(RightsRequestEntity, 'r').where('r.tenant_id = :tenantId AND r.reference = :ref', { tenantId, ref });
  if (opts.secrets) qb.addSelect(['r.verificationHash', 'r.statusTokenHash']);
  if (opts.lock) qb.setLock('pessimistic_write');
  const req = await qb.getOne();
  if (!req) throw requestNotFound(ref);
  return req;
}

export async function findById(em: EntityManager, tenantId: string, id: string, opts: { lock?: boolean } = {}): Promise<RightsRequestEntity> {
  if (!UUID.test(id)) throw requestNotFound();
  const qb = em.createQueryBuilder(RightsRequestEntity, 'r').where('r.tenant_id = :tenantId AND r.id = :id', { tenantId, id });
  if (opts.lock) qb.setLock('pessimistic_write');
  const req = await qb.getOne();
  if (!req) throw requestNotFound();
  return req;
}

/** A reference no request of the tenant has yet ("R-7KQ2-XM4P"). */
export async function uniqueReference(em: EntityManager, tenantId: string): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const reference = newReference();
    const taken = await em.count(RightsRequestEntity, { where: { tenantId, reference } });
    if (!taken) return reference;
  }
  throw new Error('could not draw a free request reference');
}
