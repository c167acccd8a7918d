import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { GENESIS_HASH, keyedEntryHash } from './audit-chain';
import { AuditCheckpoints } from './audit-checkpoints.service';

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
 * platform), each entry's hash the HMAC of its content and its predecessor's
 * hash under the current audit key (AuditKeys). Call it with the EntityManager
 * of the transaction that does the audited change, so the entry and the change
 * commit or roll back together. Verification: AuditVerifier.
 */
@Injectable()
export class AuditService {
  private readonly checkpoints: AuditCheckpoints;

  constructor(@Optional() checkpoints?: AuditCheckpoints) {
    this.checkpoints = checkpoints ?? new AuditCheckpoints();
  }

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
    // The first keyed entry after entries from before the chain was keyed: seal those first.
    if (last && last.keyId === null) await this.checkpoints.sealLegacyHead(em, input.tenantId, { seq: Number(last.seq), hash: last.hash });
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
    const keys = this.checkpoints.keys;
    const hash = keyedEntryHash(fields, keys.currentId, keys)!;
    const entity = em.create(AuditEntryEntity, { ...fields, seq: String(fields.seq), keyId: keys.currentId, hash });
    return em.save(entity);
  }

  /** The chain of one tenant (or the platform), oldest first: a page of at most `limit` entries. */
  async list(em: EntityManager, tenantId: string | null, opts: { limit?: number; beforeSeq?: number } = {}): Promise<AuditEntryEntity[]> {
    const qb = em
      .createQueryBuilder(AuditEntryEntity, 'a')
      .where(tenantId === null ? 'a.tenant_id IS NULL' : 'a.tenant_id = :t', { t: tenantId })
      .orderBy('a.seq', 'DESC');
    if (opts.beforeSeq) qb.andWhere('a.seq < :b', { b: opts.beforeSeq });
    if (opts.limit) qb.limit(opts.limit);
    return (await qb.getMany()).reverse();
  }
}
