import { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

/**
 * Takes the append lock of one chain (a tenant's, or the platform's: null)
 * until the end of the transaction of `em`: serialises appends to the chain,
 * and the seal of its legacy head, across processes.
 */
export async function lockChain(em: EntityManager, tenantId: string | null): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`regula.audit:${tenantId ?? 'platform'}`]);
}

/**
 * The chain's last entry, or null for an empty chain. Read it holding the
 * chain's lock, in a statement after the one that took it: a statement sees
 * what was committed when it started, so only then does it see the entries of
 * the transaction that held the lock before.
 */
export function chainHead(em: EntityManager, tenantId: string | null): Promise<AuditEntryEntity | null> {
  return em
    .createQueryBuilder(AuditEntryEntity, 'a')
    .where(tenantId === null ? 'a.tenant_id IS NULL' : 'a.tenant_id = :tenantId', { tenantId })
    .orderBy('a.seq', 'DESC')
    .limit(1)
    .getOne();
}
