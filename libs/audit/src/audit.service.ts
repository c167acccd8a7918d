import { BeforeApplicationShutdown, Injectable, Logger, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AfterCommit, beforeCommit, CommitBatch, insertRows, oneTripWritesOf, TenantDb } from '@regula/platform';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditPendingEntity } from './audit-pending.entity';
import { GENESIS_HASH, keyedEntryHash } from './audit-chain';
import { ChainHead, chainHead, lockChain } from './audit-chain-head';
import { AuditCheckpoints } from './audit-checkpoints.service';
import type { AuditAction, PlatformAuditAction } from './audit-actions';

export interface AuditInput {
  /** Null for the platform's own chain. */
  tenantId: string | null;
  actorId: string | null;
  /** Who acted, readable: "admin@x (compliance-admin)", "cli: tenants sync". */
  actor: string;
  /** A code of AUDIT_ACTIONS (a tenant's chain), or one of the platform's own chain. */
  action: AuditAction | PlatformAuditAction;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string;
}

/** An entry waiting for its transaction's commit, with the keys of the service that took it. */
interface PendingEntry {
  input: AuditInput;
  checkpoints: AuditCheckpoints;
}

interface TakenRow {
  id: string;
  actor_id: string | null;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/**
 * Takes the tenant's entries waiting in `audit_pending` (committed by one-trip
 * units), oldest first, and reads the chain's head, in one statement. Called
 * holding the chain's lock, in a statement after the one that took it (it sees
 * the entries of the transaction that held the lock before), so every entry
 * committed before the lock was taken joins the chain before anything appended after.
 */
async function takePendingAndHead(em: EntityManager, tenantId: string, checkpoints: AuditCheckpoints): Promise<{ pending: PendingEntry[]; last: ChainHead | null }> {
  const [row]: { pending: TakenRow[] | null; seq: string | null; hash: string | null; key_id: string | null }[] = await em.query(
    `WITH taken AS (DELETE FROM audit_pending WHERE tenant_id = $1 RETURNING id, actor_id, actor, action, target_type, target_id, details, ip)
     SELECT (SELECT json_agg(taken ORDER BY taken.id) FROM taken) AS pending, h.seq, h.hash, h.key_id
       FROM (SELECT 1) AS one LEFT JOIN LATERAL (SELECT seq, hash, key_id FROM audit_log WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1) AS h ON true`,
    [tenantId],
  );
  const pending = (row.pending ?? []).map((r) => ({
    checkpoints,
    input: { tenantId, actorId: r.actor_id, actor: r.actor, action: r.action as AuditAction, targetType: r.target_type ?? undefined, targetId: r.target_id ?? undefined, details: r.details, ip: r.ip ?? undefined },
  }));
  return { pending, last: row.seq === null ? null : { seq: row.seq, hash: row.hash!, keyId: row.key_id } };
}

/**
 * Chains a transaction's entries right before its COMMIT: for each chain it
 * touches (in one order for every transaction, so two transactions never wait
 * for each other's chains), takes the chain's lock, takes the entries waiting
 * in `audit_pending` and reads its head, and inserts the waiting entries and
 * then its own after it, numbered on and each hashed over the one before. The
 * lock is released by the COMMIT that follows at once: it is held for three
 * statements and the commit, not for the whole transaction.
 */
const CHAIN_AT_COMMIT: CommitBatch<PendingEntry> = {
  async flush(em, items) {
    const chains = new Map<string, PendingEntry[]>();
    for (const p of items) {
      const chain = p.input.tenantId ?? '';
      const list = chains.get(chain);
      if (list) list.push(p);
      else chains.set(chain, [p]);
    }
    for (const chain of [...chains.keys()].sort()) {
      const own = chains.get(chain)!;
      await appendToChain(em, own[0].input.tenantId, own, own[0].checkpoints);
    }
  },
};

/** Entries per INSERT: 13 parameters each. */
const INSERT_CHUNK = 1000;

/**
 * Appends `entries` to the chain of `tenantId`, after the entries waiting in
 * `audit_pending` (none for the platform's chain), under the chain's lock.
 */
async function appendToChain(em: EntityManager, tenantId: string | null, own: PendingEntry[], checkpoints: AuditCheckpoints): Promise<void> {
  await lockChain(em, tenantId);
  const { pending, last } = tenantId === null ? { pending: [], last: await chainHead(em, null) } : await takePendingAndHead(em, tenantId, checkpoints);
  const entries = [...pending, ...own];
  if (!entries.length) return;
  // The first keyed entry after entries from before the chain was keyed: seal those first.
  if (last && last.keyId === null) await entries[0].checkpoints.sealLegacyHead(em, tenantId, { seq: Number(last.seq), hash: last.hash });
  let seq = last ? Number(last.seq) : 0;
  let prevHash = last ? last.hash : GENESIS_HASH;
  // One instant for the lot: when they joined the chain, under its lock, so the chain's times never run backwards.
  const at = new Date();
  const rows = entries.map(({ input, checkpoints }) => {
    const fields = {
      tenantId,
      seq: ++seq,
      at,
      actorId: input.actorId,
      actor: input.actor,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      details: input.details ?? {},
      ip: input.ip ?? null,
      prevHash,
    };
    const keys = checkpoints.keys;
    const hash = keyedEntryHash(fields, keys.currentId, keys)!;
    prevHash = hash;
    const row: Record<EntryColumn, unknown> = {
      tenant_id: tenantId, seq: String(fields.seq), at, actor_id: fields.actorId, actor: fields.actor, action: fields.action, target_type: fields.targetType,
      target_id: fields.targetId, details: JSON.stringify(fields.details), ip: fields.ip, prev_hash: fields.prevHash, key_id: keys.currentId, hash,
    };
    return ENTRY_COLUMNS.map((c) => row[c]);
  });
  // One statement for a transaction's few entries; chunks keep a bulk one (a sweep, demo data) under PostgreSQL's 65,535 parameters.
  // Written out rather than built by TypeORM's query builder, which took about 0.3 ms of a filing burst's chaining.
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    const tuples = chunk.map((_, r) => `(${ENTRY_COLUMNS.map((__, c) => `$${r * ENTRY_COLUMNS.length + c + 1}`).join(', ')})`);
    await em.query(`INSERT INTO audit_log (${ENTRY_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, chunk.flat());
  }
}

/** audit_log's columns as appendToChain writes them; each row's values are taken by these names, in this order. */
const ENTRY_COLUMNS = ['tenant_id', 'seq', 'at', 'actor_id', 'actor', 'action', 'target_type', 'target_id', 'details', 'ip', 'prev_hash', 'key_id', 'hash'] as const;
type EntryColumn = (typeof ENTRY_COLUMNS)[number];

/**
 * Appends to a hash-chained audit log, one chain per tenant (and one for the
 * platform), each entry's hash the HMAC of its content and its predecessor's
 * hash under the current audit key (AuditKeys). Call it with the EntityManager
 * of the transaction that does the audited change: the entry joins the chain
 * at that transaction's commit, in it (CHAIN_AT_COMMIT), so the entry and the
 * change commit or roll back together, and the chain's lock is not held while
 * the rest of the transaction runs. Verification: AuditVerifier.
 */
@Injectable()
export class AuditService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('audit');
  private readonly checkpoints: AuditCheckpoints;
  /** Chainings a one-trip unit started after its commit and did not wait for (appendSoon). */
  private readonly started = new Set<Promise<void>>();
  /** Chainings of pending entries under way, per tenant, and the one queued after each (every caller meanwhile shares it). */
  private readonly chaining = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  constructor(
    @Optional() checkpoints?: AuditCheckpoints,
    @Optional() private readonly afterCommit?: AfterCommit,
    @Optional() private readonly db?: TenantDb,
  ) {
    this.checkpoints = checkpoints ?? new AuditCheckpoints();
  }

  /**
   * The entry is written when the transaction of `em` commits (a transaction
   * of its own, at once, when `em` is in none): the transaction itself does
   * not read it back.
   */
  async append(em: EntityManager, input: AuditInput): Promise<void> {
    if (oneTripWritesOf(em)) return this.appendSoon(em, input);
    const entry: PendingEntry = { input, checkpoints: this.checkpoints };
    if (!beforeCommit(em, CHAIN_AT_COMMIT, entry)) await em.transaction((tx) => CHAIN_AT_COMMIT.flush(tx, [entry]));
  }

  /**
   * In a one-trip unit (no connection, no lock): the entry is written to
   * `audit_pending` with the unit, in its transaction, and chained once the
   * unit committed (AfterCommit), by `chainPending`; the unit's caller does not
   * wait for that (issue 16 §2: the chaining is its tenant's one serial step,
   * and a filing waiting for it spent a third of its time there). The entry is
   * durable from the commit: whatever happens before it is chained (the
   * chaining fails, the process dies), the next append to the chain takes it
   * in first, and the worker's `audit-pending-sweep` chains what waits. A
   * process that stops finishes the chainings under way first (`chained`).
   */
  private async appendSoon(em: EntityManager, input: AuditInput): Promise<void> {
    const tenantId = input.tenantId;
    if (tenantId === null) throw new Error("the platform's audit chain is appended in a transaction, not by a one-trip unit");
    if (!this.afterCommit || !this.db) throw new Error('AuditService was built without AfterCommit and TenantDb: it cannot chain one-trip entries');
    await insertRows(em, AuditPendingEntity, [
      em.create(AuditPendingEntity, {
        tenantId, actorId: input.actorId, actor: input.actor, action: input.action, targetType: input.targetType ?? null, targetId: input.targetId ?? null,
        details: input.details ?? {}, ip: input.ip ?? null,
      }),
    ]);
    await this.afterCommit.run(em, async () => this.chainSoon(tenantId), `audit-pending:${tenantId}`);
  }

  private chainSoon(tenantId: string): void {
    const run = this.chainPending(tenantId)
      .catch((e: unknown) => this.logger.warn(`chaining the entries waiting for tenant ${tenantId} failed (they wait for the next append or the sweep): ${(e as Error).message}`))
      .finally(() => this.started.delete(run));
    this.started.add(run);
  }

  /** Resolves once the chainings one-trip units started (and any started meanwhile) are done: a reader that must see a unit's entries chained waits for it. */
  async chained(): Promise<void> {
    while (this.started.size) await Promise.all([...this.started]);
  }

  /** A process that stops leaves nothing it started half done: the entries would wait for the sweep. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.chained();
  }

  /**
   * Chains the tenant's waiting entries in a transaction of its own. Calls
   * while one runs share the single next run (which takes everything committed
   * by then): under a burst of filings, one chaining takes many filings' entries.
   */
  chainPending(tenantId: string): Promise<void> {
    const running = this.chaining.get(tenantId);
    if (!running) return this.startChaining(tenantId);
    let next = this.queued.get(tenantId);
    if (!next) {
      const after = () => {
        this.queued.delete(tenantId);
        return this.startChaining(tenantId);
      };
      next = running.then(after, after);
      this.queued.set(tenantId, next);
    }
    return next;
  }

  private startChaining(tenantId: string): Promise<void> {
    const db = this.db!;
    const run = db
      .forTenant(tenantId, (em) => appendToChain(em, tenantId, [], this.checkpoints))
      .finally(() => {
        if (this.chaining.get(tenantId) === run) this.chaining.delete(tenantId);
      });
    this.chaining.set(tenantId, run);
    return run;
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
