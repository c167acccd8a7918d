import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { ChainVerdict, GENESIS_HASH, entryHash, verifyChain } from './audit-chain';

export interface AuditInput {
  /** Null for the platform's own chain. */
  tenantId: string | null;
  actorId: string | null;
  /** Who acted, readable: "admin@x (compliance-admin)", "cli: tenants sync". */
  actor: string;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string;
}

/**
 * Appends to a hash-chained audit log, one chain per tenant (and one for the
 * platform). Call it with the EntityManager of the transaction that does the
 * audited change, so the entry and the change commit or roll back together.
 */
@Injectable()
export class AuditService {
  async append(em: EntityManager, input: AuditInput): Promise<AuditEntryEntity> {
    const chainKey = `regula.audit:${input.tenantId ?? 'platform'}`;
    // Serialises appends to one chain across processes; released at commit.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [chainKey]);
    const last = await em
      .createQueryBuilder(AuditEntryEntity, 'a')
      .where(input.tenantId === null ? 'a.tenant_id IS NULL' : 'a.tenant_id = :t', { t: input.tenantId })
      .orderBy('a.seq', 'DESC')
      .limit(1)
      .getOne();
    const fields = {
      tenantId: input.tenantId,
      seq: last ? Number(last.seq) + 1 : 1,
      at: new Date(),
      actorId: input.actorId,
      actor: input.actor,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      details: input.details ?? {},
      ip: input.ip ?? null,
      prevHash: last ? last.hash : GENESIS_HASH,
    };
    const entity = em.create(AuditEntryEntity, { ...fields, seq: String(fields.seq), hash: entryHash(fields) });
    return em.save(entity);
  }

  /** The chain of one tenant (or the platform), oldest first. */
  async list(em: EntityManager, tenantId: string | null, opts: { limit?: number; beforeSeq?: number } = {}): Promise<AuditEntryEntity[]> {
    const qb = em
      .createQueryBuilder(AuditEntryEntity, 'a')
      .where(tenantId === null ? 'a.tenant_id IS NULL' : 'a.tenant_id = :t', { t: tenantId })
      .orderBy('a.seq', 'DESC');
    if (opts.beforeSeq) qb.andWhere('a.seq < :b', { b: opts.beforeSeq });
    if (opts.limit) qb.limit(opts.limit);
    return (await qb.getMany()).reverse();
  }

  /** Verifies the whole chain of a tenant, naming the first broken entry. */
  async verify(em: EntityManager, tenantId: string | null): Promise<ChainVerdict> {
    const rows = await this.list(em, tenantId);
    return verifyChain(rows.map((r) => ({ ...r, seq: Number(r.seq) })));
  }
}
