import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantDb } from '@regula/platform';
import { TenantEntity } from '@regula/tenancy';
import { AuditCheckpoint } from './audit-checkpoint';
import { chainHead, lockChain } from './audit-chain-head';
import { AuditCheckpoints } from './audit-checkpoints.service';
import { AuditService } from './audit.service';
import { ChainVerdict } from './audit-chain';
import { AuditVerifier, VerifyFrom } from './audit-verifier.service';

export interface PublishedHead {
  /** The tenant (null: the platform's chain). */
  tenantId: string | null;
  slug: string | null;
  verdict: ChainVerdict;
  /** The checkpoint now published for the chain (the new one, or the last one when nothing changed or the chain is broken). */
  checkpoint: AuditCheckpoint | null;
}

/**
 * What the audit queue's jobs do: verify a chain and publish its head as a
 * signed checkpoint (database and checkpoint file), for every tenant and the
 * platform.
 */
@Injectable()
export class AuditChainJobs {
  constructor(
    private readonly db: TenantDb,
    private readonly verifier: AuditVerifier,
    private readonly checkpoints: AuditCheckpoints,
    private readonly audit: AuditService,
  ) {}

  /** Every tenant's waiting entries chained (the safety net of a one-trip unit whose process died before chaining them); the number of tenants looked at. */
  async chainWaiting(): Promise<number> {
    const ids = await this.tenantIds();
    for (const id of ids) await this.audit.chainPending(id);
    return ids.length;
  }

  tenantIds(): Promise<string[]> {
    return this.db.tenantIds();
  }

  private inChain<T>(tenantId: string | null, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return tenantId === null ? this.db.forPlatform(work) : this.db.forTenant(tenantId, work);
  }

  /** Verifies a chain without publishing anything (a reader's view). */
  verify(tenantId: string | null, from: VerifyFrom = 'genesis'): Promise<ChainVerdict> {
    return this.inChain(tenantId, (em) => this.verifier.verify(em, tenantId, from));
  }

  /** The daily job: the whole chain verified, its head published. */
  verifyTenant(tenantId: string): Promise<ChainVerdict> {
    return this.publish(tenantId, 'genesis').then((p) => p.verdict);
  }

  /**
   * Verifies the chain (from its newest checkpoint, or whole) and, when intact
   * and grown since the last published checkpoint, signs and publishes its
   * head. A chain whose head is still unkeyed is sealed first.
   */
  async publish(tenantId: string | null, from: VerifyFrom = 'checkpoint'): Promise<PublishedHead> {
    // The seal under the chain's append lock, in a short transaction of its own...
    await this.inChain(tenantId, async (em) => {
      await lockChain(em, tenantId);
      const head = await chainHead(em, tenantId);
      if (head && head.keyId === null) await this.checkpoints.sealLegacyHead(em, tenantId, { seq: Number(head.seq), hash: head.hash });
    });
    // ...the verification without it: appends go on meanwhile, and a head once verified stays true.
    return this.inChain(tenantId, async (em) => {
      const verdict = await this.verifier.verify(em, tenantId, from);
      const slug = tenantId === null ? null : ((await em.findOne(TenantEntity, { where: { id: tenantId }, select: { slug: true } }))?.slug ?? null);
      let checkpoint = this.checkpoints.lastPublished(tenantId);
      if (verdict.ok && verdict.entries > 0 && (!checkpoint || checkpoint.seq < verdict.entries)) {
        checkpoint = await this.checkpoints.record(em, tenantId, 'head', { seq: verdict.entries, hash: verdict.lastHash });
      }
      return { tenantId, slug, verdict, checkpoint };
    });
  }

  /** Every chain (each tenant's, then the platform's) verified and its head published. */
  async publishAll(from: VerifyFrom = 'checkpoint'): Promise<PublishedHead[]> {
    const out: PublishedHead[] = [];
    for (const id of [...(await this.tenantIds()), null]) out.push(await this.publish(id, from));
    return out;
  }
}
