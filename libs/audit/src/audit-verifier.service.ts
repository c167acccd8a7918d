import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditCheckpoint, chainName, checkpointValid } from './audit-checkpoint';
import { AuditCheckpoints, chainWhere } from './audit-checkpoints.service';
import { AuditEntryEntity } from './audit-entry.entity';
import { ChainChecker, ChainedEntry, ChainPoint, ChainVerdict, GENESIS_HASH, expectedHash } from './audit-chain';
import { sameDigest } from './audit-keys';

/** Entries read per query: the memory a verification holds does not grow with the chain. */
export const VERIFY_BATCH = 500;

export type VerifyFrom =
  /** Every entry from the first (the daily job, `GET …/audit/verify`, the evidence pack). */
  | 'genesis'
  /** Only the entries after the newest signed checkpoint (the audit page): its cost follows what is new, not the chain's length. */
  | 'checkpoint';

const toChained = (r: AuditEntryEntity): ChainedEntry => ({ ...r, seq: Number(r.seq) });

/**
 * Verifies a chain by streaming it through ChainChecker in bounded batches,
 * from the genesis or from the newest checkpoint in the database, and then
 * against the last checkpoint published outside the database: a chain that
 * ends before it was truncated, a different hash at its entry was rewritten.
 */
@Injectable()
export class AuditVerifier {
  /** Audit entries this verifier has read (a counter for tests: what a page view costs). */
  entriesRead = 0;

  constructor(private readonly checkpoints: AuditCheckpoints) {}

  /** The entry's hash matches its content under its key (false for a key this configuration does not hold). */
  entryMatches(e: AuditEntryEntity): boolean {
    const expected = expectedHash(toChained(e), this.checkpoints.keys);
    return expected !== undefined && sameDigest(expected, e.hash);
  }

  async verify(em: EntityManager, tenantId: string | null, from: VerifyFrom = 'genesis'): Promise<ChainVerdict> {
    const keys = this.checkpoints.keys;
    const broken = (brokenAt: number, reason: Extract<ChainVerdict, { ok: false }>['reason'], entries = 0): ChainVerdict => ({ ok: false, entries, brokenAt, reason });
    const seal = await this.checkpoints.latest(em, tenantId, 'seal');
    if (seal && !checkpointValid(keys, seal)) return broken(seal.seq, 'checkpoint-invalid');
    let start: ChainPoint = { seq: 0, hash: GENESIS_HASH };
    if (from === 'checkpoint') {
      const cp = await this.checkpoints.latest(em, tenantId);
      if (cp) {
        if (!checkpointValid(keys, cp)) return broken(cp.seq, 'checkpoint-invalid');
        const hash = await this.hashAt(em, tenantId, cp.seq);
        if (hash === undefined) return broken(cp.seq, 'truncated', cp.seq - 1);
        if (hash !== cp.hash) return broken(cp.seq, 'checkpoint-mismatch', cp.seq - 1);
        start = cp;
      }
    }
    const published = this.checkpoints.lastPublished(tenantId);
    if (published && !checkpointValid(keys, published)) return broken(published.seq, 'checkpoint-invalid');

    const checker = new ChainChecker(keys, seal, start);
    let publishedHash: string | undefined = published && published.seq === start.seq ? start.hash : undefined;
    for (let after = start.seq; ; ) {
      const rows = await em
        .createQueryBuilder(AuditEntryEntity, 'a')
        .where(`a.${chainWhere(tenantId)} AND a.seq > :after`, { tenantId, after })
        .orderBy('a.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      this.entriesRead += rows.length;
      for (const r of rows) {
        const e = toChained(r);
        if (!checker.push(e)) return checker.finish(start.seq);
        if (published && e.seq === published.seq) publishedHash = e.hash;
      }
      if (rows.length < VERIFY_BATCH) break;
      after = Number(rows[rows.length - 1].seq);
    }
    if (published) {
      if (checker.lastSeq < published.seq) return broken(checker.lastSeq + 1, 'truncated', checker.lastSeq);
      // A checkpoint older than where this verification started: its entry read on its own.
      publishedHash ??= await this.hashAt(em, tenantId, published.seq);
      if (publishedHash !== published.hash) return broken(published.seq, 'checkpoint-mismatch', checker.lastSeq);
    }
    return checker.finish(start.seq);
  }

  /** The newest checkpoint published for the chain (outside the database), if any. */
  lastPublished(tenantId: string | null): AuditCheckpoint | null {
    return this.checkpoints.lastPublished(tenantId);
  }

  /** The chain's checkpoint file as it stands (JSON lines, oldest first; empty before the first). */
  publishedText(tenantId: string | null): string {
    return this.checkpoints.file.text(chainName(tenantId));
  }

  private async hashAt(em: EntityManager, tenantId: string | null, seq: number): Promise<string | undefined> {
    const row = await em
      .createQueryBuilder(AuditEntryEntity, 'a')
      .select(['a.id', 'a.hash'])
      .where(`a.${chainWhere(tenantId)} AND a.seq = :seq`, { tenantId, seq })
      .getOne();
    if (row) this.entriesRead++;
    return row?.hash;
  }
}
