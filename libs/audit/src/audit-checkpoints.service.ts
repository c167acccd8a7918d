import { Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditCheckpoint, chainName, signCheckpoint } from './audit-checkpoint';
import { AuditCheckpointEntity } from './audit-checkpoint.entity';
import { ChainPoint } from './audit-chain';
import { AuditKeys } from './audit-keys';
import { CheckpointFile } from './checkpoint-file';

export const chainWhere = (tenantId: string | null) => (tenantId === null ? 'tenant_id IS NULL' : 'tenant_id = :tenantId');

/** Signed checkpoints: written to `audit_checkpoints` and published to the chain's checkpoint file. */
@Injectable()
export class AuditCheckpoints {
  private keysOrNull: AuditKeys | null;
  private fileOrNull: CheckpointFile | null = null;

  constructor(@Optional() keys?: AuditKeys) {
    this.keysOrNull = keys ?? null;
  }

  /** Created on first use where no Nest container provides them (CLI, test helpers): from the environment. */
  get keys(): AuditKeys {
    return (this.keysOrNull ??= new AuditKeys());
  }

  get file(): CheckpointFile {
    return (this.fileOrNull ??= new CheckpointFile(this.keys.checkpointDir));
  }

  /** Signs `point` of the chain, stores it and publishes it (its entries are committed: a checkpoint never outruns the chain). */
  async record(em: EntityManager, tenantId: string | null, kind: AuditCheckpoint['kind'], point: ChainPoint, at = new Date()): Promise<AuditCheckpoint> {
    const c = signCheckpoint(this.keys, { chain: chainName(tenantId), kind, seq: point.seq, hash: point.hash, at: at.toISOString() });
    await em.insert(AuditCheckpointEntity, { tenantId, kind, seq: String(c.seq), hash: c.hash, at, keyId: c.keyId, mac: c.mac });
    this.file.append(c);
    return c;
  }

  /** The newest checkpoint of the chain in the database (of `kind`, or either). */
  async latest(em: EntityManager, tenantId: string | null, kind?: AuditCheckpoint['kind']): Promise<AuditCheckpoint | null> {
    const qb = em.createQueryBuilder(AuditCheckpointEntity, 'c').where(`c.${chainWhere(tenantId)}`, { tenantId });
    if (kind) qb.andWhere('c.kind = :kind', { kind });
    const row = await qb.orderBy('c.seq', 'DESC').addOrderBy('c.id', 'DESC').limit(1).getOne();
    return row && { chain: chainName(tenantId), kind: row.kind, seq: Number(row.seq), hash: row.hash, at: row.at.toISOString(), keyId: row.keyId, mac: row.mac };
  }

  /**
   * Seals the entries written before the chain was keyed: one keyed checkpoint
   * over their head, made once, before the first keyed entry follows them.
   * Call it holding the chain's append lock.
   */
  async sealLegacyHead(em: EntityManager, tenantId: string | null, head: ChainPoint): Promise<void> {
    const seal = await this.latest(em, tenantId, 'seal');
    if (seal && seal.seq >= head.seq) return;
    await this.record(em, tenantId, 'seal', head);
  }

  /** The newest published checkpoint of the chain (the last line of its file), outside the database. */
  lastPublished(tenantId: string | null): AuditCheckpoint | null {
    return this.file.last(chainName(tenantId));
  }
}
