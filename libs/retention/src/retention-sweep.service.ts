import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Register } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { JobProducer, TenantDb } from '@regula/platform';
import { RegistersService } from '@regula/registers';
import { WebhookOutboxService } from '@regula/ingest';
import { AFTER_DELETE_FIRST_PARAM, RecordErasure } from '@regula/subjects';
import { RetentionRecomputeService } from './retention-recompute.service';
import { RetentionRunEntity, RetentionTrigger } from './retention-run.entity';
import { DUE_SQL, ERASABLE_SQL, OPEN_REQUEST_SQL, RESTRICTION_SQL, AnonymisedGroups, anonymisedGroups } from './retention-rules';

export const DEFAULT_BATCH_SIZE = 1000;
export const SWEEP_LANES = 1;

/** The run was completed or failed meanwhile: the batch is rolled back. */
class RunClosedError extends Error {}

export interface SweepOptions {
  /** Overrides the run's batch size. */
  batchSize?: number;
  /** Pause between batches (tests slow a sweep down to kill it in the middle). */
  pauseMs?: number;
  /** Batches in flight at once in this process (default 1; more are safe: one transaction each, SKIP LOCKED keeps them apart). */
  lanes?: number;
  /** Called after each committed batch. */
  onBatch?: (erased: number) => void;
}

export interface StartRun {
  trigger: RetentionTrigger;
  requestedBy: string;
  /** Scheduled runs: one per tenant and key (e.g. 'daily:2026-11-21'). */
  dedupeKey?: string | null;
  /** Records per batch (default 1000). */
  batchSize?: number;
  now?: Date;
}

/** The ground a retention webhook names. */
const RETENTION_GROUND = 'retention period ended (GDPR Art. 5(1)(e))';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The BullMQ job id of a run's sweep (deterministic: a run is swept by one job). */
export const sweepJobId = (runId: string): string => `retention-sweep-${runId}`;

/**
 * Retention sweeps (GDPR Art. 5(1)(e)). A run erases or anonymises every
 * record of the tenant due at its cutoff, in batches. Each batch is ONE
 * transaction and one statement: it takes due rows with `FOR UPDATE SKIP
 * LOCKED` (concurrent sweeps never take the same rows) and deletes them,
 * keeping only a keyed hash of each one's identity so ingest does not store it
 * again (libs/subjects), writes one `record.erased` webhook per source system
 * to the outbox, and adds its counts to the run row and the run's
 * per-register/category counts. A killed worker loses at most the
 * uncommitted batch; the restarted job resumes the same run; the counts
 * always equal what was committed. Rows protected by a legal hold, an open
 * rights request or an Art. 18 restriction are excluded by the query (never
 * taken, never retried) and counted once, when the run completes. The run
 * completes (one audit entry with the counts) only when no erasable due row
 * is left, with the run row locked, so batches of other workers still in
 * flight are waited for.
 */
@Injectable()
export class RetentionSweepService {
  private readonly logger = new Logger('retention');

  constructor(
    private readonly db: TenantDb,
    private readonly registers: RegistersService,
    private readonly recompute: RetentionRecomputeService,
    private readonly outbox: WebhookOutboxService,
    private readonly erasure: RecordErasure,
    private readonly audit: AuditService,
    private readonly jobs: JobProducer,
  ) {}

  /** Starts a run, or returns the tenant's running one (or the one of the same dedupe key). */
  async startRun(tenantId: string, input: StartRun): Promise<{ run: RetentionRunEntity; created: boolean }> {
    const now = input.now ?? new Date();
    return this.db.forTenant(tenantId, async (em) => {
      const inserted: { id: string }[] = await em.query(
        `INSERT INTO retention_runs (tenant_id, trigger, requested_by, dedupe_key, status, cutoff, started_at, batch_size)
         VALUES ($1, $2, $3, $4, 'running', $5, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
        [tenantId, input.trigger, input.requestedBy, input.dedupeKey ?? null, now, input.batchSize ?? DEFAULT_BATCH_SIZE],
      );
      if (inserted.length) return { run: await em.findOneByOrFail(RetentionRunEntity, { id: inserted[0].id }), created: true };
      const existing =
        (await em.findOneBy(RetentionRunEntity, { tenantId, status: 'running' })) ??
        (input.dedupeKey ? await em.findOneBy(RetentionRunEntity, { tenantId, dedupeKey: input.dedupeKey }) : null);
      if (!existing) throw new Error(`tenant ${tenantId}: could not start a retention run`);
      return { run: existing, created: false };
    });
  }

  /** Adds the run's sweep job (idempotent: the job id is the run's); a job that gave up while its run is still open is retried. */
  async enqueue(tenantId: string, runId: string): Promise<void> {
    await this.jobs.addOrRetry('retention-sweep', { tenantId, runId }, { jobId: sweepJobId(runId) });
  }

  /** Runs (or resumes) a run to its end. Returns the run as committed. */
  async sweep(tenantId: string, runId: string, opts: SweepOptions = {}): Promise<RetentionRunEntity> {
    const run = await this.db.forTenant(tenantId, (em) => em.findOneBy(RetentionRunEntity, { id: runId, tenantId }));
    if (!run) throw new Error(`tenant ${tenantId}: no retention run ${runId}`);
    if (run.status !== 'running') return run;
    // Due dates must follow the current rules before anything is erased.
    await this.recompute.refreshStale(tenantId);
    const anonymised = anonymisedGroups((await this.registers.listCurrent(tenantId)).map((r) => r.definition as unknown as Register));
    const size = opts.batchSize ?? run.batchSize ?? DEFAULT_BATCH_SIZE;
    // Each lane takes batches until none is left for it; SKIP LOCKED keeps the lanes (and other workers) apart.
    const lane = async (): Promise<'drained' | 'closed'> => {
      for (;;) {
        let erased: number;
        try {
          erased = await this.batch(tenantId, run, anonymised, size);
        } catch (e) {
          if (e instanceof RunClosedError) return 'closed';
          throw e;
        }
        if (erased === 0) return 'drained';
        opts.onBatch?.(erased);
        if (opts.pauseMs) await sleep(opts.pauseMs);
      }
    };
    const lanes = Math.max(1, opts.lanes ?? SWEEP_LANES);
    for (;;) {
      const ends = await Promise.all(Array.from({ length: lanes }, lane));
      if (ends.includes('closed')) break;
      const state = await this.finishIfDone(tenantId, runId);
      if (state !== 'busy') break;
      await sleep(200); // rows still locked by another worker's batch: wait for its commit or rollback
    }
    return this.db.forTenant(tenantId, (em) => em.findOneByOrFail(RetentionRunEntity, { id: runId }));
  }

  /**
   * One batch in one transaction and ONE statement (`RecordErasure.deleteDueBatchAnd`
   * of libs/subjects deletes the records and keeps their keyed hashes; this
   * adds, on the rows it deleted, the run row's totals, the run's counts per
   * register/category and one `record.erased` webhook per source system).
   * Nothing of the rows comes back to the process: only the count and the
   * deliveries' ids. Returns how many records it erased or anonymised.
   */
  private batch(tenantId: string, run: RetentionRunEntity, anonymised: AnonymisedGroups, size: number): Promise<number> {
    return this.db.forTenant(tenantId, async (em) => {
      const p = (n: number) => `$${AFTER_DELETE_FIRST_PARAM + n}`;
      const [r] = await this.erasure.deleteDueBatchAnd<{ taken: number; open: boolean; deliveries: string[] }>(em, tenantId, { where: ERASABLE_SQL, cutoff: run.cutoff, limit: size }, {
        sql: `,
          acted AS (
            SELECT g.*, CASE WHEN EXISTS (SELECT 1 FROM unnest(${p(1)}::text[], ${p(2)}::text[]) AS a(k, c) WHERE a.k = g.register_key AND a.c = g.category_id)
                        THEN 'anonymise' ELSE 'erase' END AS action
              FROM gone g),
          grouped AS (
            SELECT register_key, category_id, count(*) FILTER (WHERE action = 'erase')::int AS e, count(*) FILTER (WHERE action = 'anonymise')::int AS a
              FROM acted GROUP BY register_key, category_id),
          run AS (
            UPDATE retention_runs SET batches = batches + 1,
                   records_erased = records_erased + (SELECT coalesce(sum(e), 0) FROM grouped),
                   records_anonymised = records_anonymised + (SELECT coalesce(sum(a), 0) FROM grouped)
             WHERE id = ${p(0)} AND status = 'running' AND EXISTS (SELECT 1 FROM gone) RETURNING id),
          counts AS (
            INSERT INTO retention_run_counts (run_id, tenant_id, register_key, category_id, erased, anonymised)
            SELECT run.id, $1, g.register_key, g.category_id, g.e, g.a FROM run, grouped g
            ON CONFLICT (run_id, register_key, category_id) DO UPDATE
              SET erased = retention_run_counts.erased + EXCLUDED.erased, anonymised = retention_run_counts.anonymised + EXCLUDED.anonymised),
          hooks AS (
            INSERT INTO webhook_deliveries (tenant_id, source_system_id, event, payload)
            SELECT $1, a.source_system_id, 'record.erased', jsonb_build_object(
                     'retentionRunId', run.id, 'erasedAt', ${p(3)}::text, 'ground', ${p(4)}::text,
                     'records', jsonb_agg(jsonb_build_object('externalId', a.external_id, 'registerKey', a.register_key, 'categoryId', a.category_id, 'action', a.action)))
              FROM run, acted a GROUP BY run.id, a.source_system_id
            RETURNING id)
        SELECT (SELECT count(*)::int FROM gone) AS taken, EXISTS (SELECT 1 FROM run) AS open, ARRAY(SELECT id::text FROM hooks) AS deliveries`,
        params: [run.id, anonymised.registers, anonymised.categories, new Date().toISOString(), RETENTION_GROUND],
      });
      if (!r.taken) return 0;
      // The run was completed or failed meanwhile (its row is updated only while running): roll the batch back.
      if (!r.open) throw new RunClosedError();
      await this.outbox.inserted(em, tenantId, r.deliveries);
      return r.taken;
    });
  }

  /**
   * Completes the run when no erasable due record is left: counts the
   * protected ones, marks it completed and writes its one audit entry.
   * 'busy' when erasable records remain (locked by another worker's batch).
   */
  private finishIfDone(tenantId: string, runId: string): Promise<'done' | 'busy' | 'closed'> {
    return this.db.forTenant(tenantId, async (em) => {
      const run = await em.createQueryBuilder(RetentionRunEntity, 'run').where('run.id = :id', { id: runId }).setLock('pessimistic_write').getOne();
      if (!run || run.status !== 'running') return 'closed';
      const [left]: { left: boolean }[] = await em.query(`SELECT EXISTS (SELECT 1 FROM personal_data_records r WHERE ${ERASABLE_SQL}) AS left`, [tenantId, run.cutoff]);
      if (left.left) return 'busy';
      const skipped = await this.protectedCounts(em, tenantId, run.cutoff);
      if (skipped.length) {
        await em.query(
          `INSERT INTO retention_run_counts (run_id, tenant_id, register_key, category_id, skipped_legal_hold, skipped_open_request, skipped_restriction)
           SELECT $1, $2, x.k, x.c, x.h, x.q, x.r FROM unnest($3::text[], $4::text[], $5::int[], $6::int[], $7::int[]) AS x(k, c, h, q, r)
           ON CONFLICT (run_id, register_key, category_id) DO UPDATE SET skipped_legal_hold = EXCLUDED.skipped_legal_hold,
             skipped_open_request = EXCLUDED.skipped_open_request, skipped_restriction = EXCLUDED.skipped_restriction`,
          [runId, tenantId, skipped.map((s) => s.registerKey), skipped.map((s) => s.categoryId), skipped.map((s) => s.legalHold), skipped.map((s) => s.openRequest), skipped.map((s) => s.restriction)],
        );
      }
      const totalSkipped = skipped.reduce((n, s) => n + s.legalHold + s.openRequest + s.restriction, 0);
      const finishedAt = new Date();
      await em.query(`UPDATE retention_runs SET status = 'completed', finished_at = $2, records_skipped_protected = $3 WHERE id = $1`, [runId, finishedAt, totalSkipped]);
      const counts: Record<string, unknown>[] = await em.query(
        `SELECT register_key AS register, category_id AS category, erased, anonymised, skipped_legal_hold AS "skippedLegalHold",
                skipped_open_request AS "skippedOpenRequest", skipped_restriction AS "skippedRestriction"
           FROM retention_run_counts WHERE run_id = $1 ORDER BY register_key, category_id`,
        [runId],
      );
      await this.audit.append(em, {
        tenantId, actorId: null, actor: `retention: ${run.trigger} (${run.requestedBy})`, action: 'retention.run.completed', targetType: 'retention-run', targetId: runId,
        details: {
          cutoff: run.cutoff.toISOString(), batches: run.batches, erased: run.recordsErased, anonymised: run.recordsAnonymised, skippedProtected: totalSkipped, counts,
        },
      });
      this.logger.log(`tenant ${tenantId}, run ${runId}: ${run.recordsErased} erased, ${run.recordsAnonymised} anonymised, ${totalSkipped} protected`);
      return 'done';
    });
  }

  /** Due records kept because something protects them, per register and category (each counted under its first reason). */
  async protectedCounts(em: EntityManager, tenantId: string, cutoff: Date) {
    const rows: { register_key: string; category_id: string; h: number; q: number; r: number }[] = await em.query(
      `SELECT register_key, category_id,
              count(*) FILTER (WHERE legal_hold)::int AS h,
              count(*) FILTER (WHERE NOT legal_hold AND ${OPEN_REQUEST_SQL})::int AS q,
              count(*) FILTER (WHERE NOT legal_hold AND NOT ${OPEN_REQUEST_SQL} AND ${RESTRICTION_SQL})::int AS r
         FROM personal_data_records r WHERE ${DUE_SQL} AND (r.legal_hold OR ${OPEN_REQUEST_SQL} OR ${RESTRICTION_SQL})
        GROUP BY register_key, category_id ORDER BY register_key, category_id`,
      [tenantId, cutoff],
    );
    return rows.map((x) => ({ registerKey: x.register_key, categoryId: x.category_id, legalHold: x.h, openRequest: x.q, restriction: x.r }));
  }

  /** Marks a run failed (its job gave up), with its one audit entry for what it did erase; a later run takes over the rest. */
  async fail(tenantId: string, runId: string, error: string): Promise<void> {
    await this.db.forTenant(tenantId, async (em) => {
      const run = await em.createQueryBuilder(RetentionRunEntity, 'run').where('run.id = :id', { id: runId }).setLock('pessimistic_write').getOne();
      if (!run || run.status !== 'running') return;
      await em.query(`UPDATE retention_runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [runId, error.slice(0, 1000)]);
      const counts: Record<string, unknown>[] = await em.query(
        `SELECT register_key AS register, category_id AS category, erased, anonymised FROM retention_run_counts WHERE run_id = $1 ORDER BY register_key, category_id`,
        [runId],
      );
      await this.audit.append(em, {
        tenantId, actorId: null, actor: `retention: ${run.trigger} (${run.requestedBy})`, action: 'retention.run.failed', targetType: 'retention-run', targetId: runId,
        details: { cutoff: run.cutoff.toISOString(), batches: run.batches, erased: run.recordsErased, anonymised: run.recordsAnonymised, counts, error: error.slice(0, 500) },
      });
    });
  }

  /** Every tenant: starts today's scheduled run and adds its job; recomputes registers whose rules changed (as jobs). */
  async sweepAll(now = new Date()): Promise<{ tenants: number; runs: number }> {
    const day = now.toISOString().slice(0, 10);
    let runs = 0;
    const tenants = await this.db.forEachTenant(async (tenantId) => {
      for (const key of await this.recompute.staleRegisters(tenantId)) {
        await this.jobs.add('retention-recompute', { tenantId, registerKey: key }, { jobId: `retention-recompute-${tenantId}-${key}-${day}` });
      }
      const { run } = await this.startRun(tenantId, { trigger: 'schedule', requestedBy: 'daily schedule', dedupeKey: `daily-${day}`, now });
      if (run.status === 'running') {
        await this.enqueue(tenantId, run.id);
        runs++;
      }
    });
    return { tenants, runs };
  }
}
