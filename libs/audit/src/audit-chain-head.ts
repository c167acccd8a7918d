import { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

/** What appending after the chain's last entry needs of it. */
export type ChainHead = Pick<AuditEntryEntity, 'seq' | 'hash' | 'keyId'>;

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
export async function chainHead(em: EntityManager, tenantId: string | null): Promise<ChainHead | null> {
  const rows: { seq: string; hash: string; key_id: string | null }[] = await em.query(
    `SELECT seq, hash, key_id FROM audit_log WHERE ${tenantId === null ? 'tenant_id IS NULL' : 'tenant_id = $1'} ORDER BY seq DESC LIMIT 1`,
    tenantId === null ? [] : [tenantId],
  );
  return rows.length ? { seq: rows[0].seq, hash: rows[0].hash, keyId: rows[0].key_id } : null;
}
