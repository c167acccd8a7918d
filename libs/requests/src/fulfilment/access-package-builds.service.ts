import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AfterCommit, CLOCK, Clock, JobProducer, systemClock, TenantDb } from '@regula/platform';
import { REQUESTS_PORT, type RequestsPort } from '../requests.port';
import { RequestEventEntity } from '../request-event.entity';
import { RightsRequestEntity } from '../rights-request.entity';
import { buildAccessFrame, packageRecordOf, type AccessPackageFrame } from './access-package.builder';
import { AccessPackageBuildEntity, type PackageBuildStatus } from './access-package-build.entity';
import { accessFiles } from './access-package-files';
import { AccessPackageWriter } from './access-package.writer';
import { accessOutcome } from './access.service';
import { ArtifactStore } from './artifact-store.service';
import { plannedRecord, type PlannedRecord } from './fulfilment-plan';
import { FulfilmentRecorder, type FulfilmentFacts } from './fulfilment-record.service';
import { ChunkSink, deleteBuildChunks, storeChunks } from './package-chunks';
import { heldCategories, previewRecordIds, recordBatch, type RecordCursor } from './package-records';
import { registerIndex } from './register-facts';
import { RequestFulfilmentPlanEntity } from './request-fulfilment-plan.entity';
import { loadSubjectFacts } from './subject-data.loader';
import { validateWithheld } from './withholding';
import type { FulfilInput, FulfilmentActor } from './fulfilment.types';

/** Records read per transaction: one batch is all the build holds of the records at a time. */
export const PACKAGE_BATCH = 1000;
const FULFILLABLE = ['in-progress', 'extended'];

/** A build as the request page and the REST answer show it. */
export interface PackageBuildView {
  id: string;
  /** The confirmed preview (its row holds the result once the package is complete). */
  previewId: string;
  status: PackageBuildStatus;
  recordsWritten: number;
  recordsTotal: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

/** The failure of a build whose request was closed another way while it was built (the text is for the log and the API). */
const REQUEST_CLOSED = 'the request is ';
const requestClosedError = (state: string) => `${REQUEST_CLOSED}${state}: only a request in progress (or extended) is fulfilled`;

/**
 * Why a failed build failed, for a page in the reader's language: its request was closed
 * meanwhile (nothing was handed over; confirming again cannot help), or an error (the
 * English text stays in the log and the API); null unless it failed.
 */
export function packageBuildFailure(b: PackageBuildView): 'request-closed' | 'error' | null {
  if (b.status !== 'failed') return null;
  return b.error?.startsWith(REQUEST_CLOSED) ? 'request-closed' : 'error';
}

const viewOf = (b: AccessPackageBuildEntity): PackageBuildView => ({
  id: b.id, previewId: b.previewId, status: b.status, recordsWritten: b.recordsWritten, recordsTotal: b.recordsTotal, error: b.error, startedAt: b.createdAt, finishedAt: b.finishedAt,
});

const jobIdOf = (buildId: string) => `access-package-${buildId}`;

/**
 * Builds access packages in the worker (issue 16 §5). Confirming an access
 * preview writes a build row and adds its job after the commit; the job reads
 * the subject's records register by register in batches (keyset pagination,
 * one short transaction each, progress recorded with each), writes them into
 * the three files as it goes (`AccessPackageWriter`) and stores each file in
 * pieces (`request_artifact_chunks`). Only when every piece is stored does one
 * transaction add the files, the hand-over, the outcome and the result to the
 * request; then the request is closed and the subject told. A worker that dies
 * mid-way leaves the row `building`: the job (or the sweep, when the job was
 * lost) redoes it from the start, dropping the pieces written before; one
 * whose files and outcome were recorded only closes the request. It is `done`
 * once the request is closed.
 */
@Injectable()
export class AccessPackageBuilds {
  constructor(
    private readonly db: TenantDb,
    private readonly afterCommit: AfterCommit,
    private readonly jobs: JobProducer,
    private readonly artifacts: ArtifactStore,
    private readonly recorder: FulfilmentRecorder,
    @Inject(REQUESTS_PORT) private readonly requests: RequestsPort,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /** The build under way for a request, if any. */
  async openFor(em: EntityManager, tenantId: string, requestId: string): Promise<PackageBuildView | null> {
    const b = await em.findOne(AccessPackageBuildEntity, { where: { tenantId, requestId, status: 'building' } });
    return b ? viewOf(b) : null;
  }

  /** The latest build of a request. */
  async latestFor(em: EntityManager, tenantId: string, requestId: string): Promise<PackageBuildView | null> {
    const b = await em.findOne(AccessPackageBuildEntity, { where: { tenantId, requestId }, order: { createdAt: 'DESC' } });
    return b ? viewOf(b) : null;
  }

  /**
   * Starts the build of a confirmed preview, in the confirmation's transaction;
   * its job is added after the commit (job id per build: adding it again is a
   * no-op). A preview whose earlier build failed is built again.
   */
  async start(em: EntityManager, tenantId: string, request: RightsRequestEntity, preview: RequestFulfilmentPlanEntity, actor: FulfilmentActor, now: Date): Promise<PackageBuildView> {
    const earlier = await em.findOne(AccessPackageBuildEntity, { where: { tenantId, previewId: preview.id } });
    const build = earlier
      ? await em.save(Object.assign(earlier, { status: 'building', error: null, actor, updatedAt: now, finishedAt: null }))
      : await em.save(em.create(AccessPackageBuildEntity, {
        tenantId, requestId: request.id, previewId: preview.id, status: 'building', actor, recordsTotal: 0, recordsWritten: 0, attempts: 0, error: null, createdAt: now, updatedAt: now, finishedAt: null,
      }));
    await this.afterCommit.run(em, () => this.jobs.addOrRetry('build-access-package', { tenantId, buildId: build.id }, { jobId: jobIdOf(build.id) }));
    return viewOf(build);
  }

  /** The job: builds the package (again from the start when an earlier attempt stopped), then closes the request. */
  async run(tenantId: string, buildId: string): Promise<{ status: PackageBuildStatus | 'missing'; records: number }> {
    const facts = await this.recorder.facts(tenantId);
    const begun = await this.begin(tenantId, buildId, facts);
    if (!begun) return { status: 'missing', records: 0 };
    if ('finished' in begun && begun.finished) {
      // Failed: the admin confirms again. Recorded (done, or the worker stopped before closing the request): close it, once.
      const { finished } = begun;
      if (finished.status === 'failed') return { status: 'failed', records: finished.recordsWritten };
      await this.completeIfOpen(tenantId, finished);
      await this.markDone(tenantId, buildId);
      return { status: 'done', records: finished.recordsWritten };
    }
    const { build, request, frame, previewIds, withheld, sourceSystems } = begun;
    const ids = { tenantId, requestId: request.id, buildId };
    const files = accessFiles(request.reference);
    const sinks = { html: new ChunkSink('access-html'), json: new ChunkSink('access-json'), csv: new ChunkSink('access-csv') };
    const writer = new AccessPackageWriter(frame, sinks);
    const defs = registerIndex(facts.registers);
    // What the result needs besides the files: the ids handed over (to compare with the preview), the records the preview did not name, the categories per register.
    const handed = new Set<string>();
    const added: PlannedRecord[] = [];
    const categories = new Map<string, Set<string>>();
    let written = 0;

    for (const register of frame.registers) {
      writer.beginRegister(register);
      const toRecord = packageRecordOf(defs.get(register.id), facts.controller, sourceSystems);
      const seen = new Set<string>();
      categories.set(register.id, seen);
      let after: RecordCursor | null = null;
      for (let more = true; more;) {
        more = await this.db.forTenant(tenantId, async (em) => {
          const rows = await recordBatch(em, tenantId, request.subjectId!, register.id, after, PACKAGE_BATCH);
          for (const { cursor: _cursor, ...r } of rows) {
            writer.record(toRecord(r));
            handed.add(r.id);
            seen.add(r.categoryId);
            if (!previewIds.has(r.id)) added.push(plannedRecord(r, defs, sourceSystems, frame.language, 'hand-over'));
          }
          written += rows.length;
          for (const sink of Object.values(sinks)) await storeChunks(em, ids, sink);
          await em.update(AccessPackageBuildEntity, { tenantId, id: buildId }, { recordsWritten: written, updatedAt: this.clock() });
          if (rows.length) after = rows[rows.length - 1].cursor;
          return rows.length === PACKAGE_BATCH;
        });
      }
      writer.endRegister();
    }
    writer.end();

    const now = this.clock();
    const closed = await this.db.forTenant(tenantId, async (em) => {
      for (const sink of Object.values(sinks)) await storeChunks(em, ids, sink, true);
      const current = await em.findOne(AccessPackageBuildEntity, { where: { tenantId, id: buildId }, lock: { mode: 'pessimistic_write' } });
      if (current?.status !== 'building') return null;
      const req = await em.findOne(RightsRequestEntity, { where: { tenantId, id: request.id }, lock: { mode: 'pessimistic_write' } });
      if (!req || !FULFILLABLE.includes(req.state)) {
        // Closed another way while the package was built (refused, withdrawn): nothing is handed over.
        await em.update(AccessPackageBuildEntity, { tenantId, id: buildId }, { status: 'failed', error: requestClosedError(req?.state ?? 'gone'), updatedAt: now, finishedAt: now });
        return null;
      }
      // The preview's rows are loaded only when the records changed since it (else the result copies them in the database).
      const same = !added.length && handed.size === previewIds.size;
      const preview = await em.findOneOrFail(RequestFulfilmentPlanEntity, {
        where: { tenantId, id: build.previewId }, lock: { mode: 'pessimistic_write' },
        ...(same ? { select: { id: true, tenantId: true, requestId: true, type: true, previewedAt: true, confirmedAt: true } } : {}),
      });
      // Another run of the same build recorded it meanwhile (a stalled job retried): nothing is recorded twice.
      if (preview.confirmedAt) return { recorded: true as const };
      const saved = await this.artifacts.saveBuilt(em, tenantId, facts.slug, req, buildId, files.map((f) => ({
        kind: f.kind, fileName: f.fileName, contentType: f.contentType, sizeBytes: sinks[f.format].sizeBytes, sha256: sinks[f.format].sha256(),
      })));
      const records = same ? [] : [...(preview.preview?.records ?? []).filter((r) => handed.has(r.recordId)), ...added];
      const { outcome } = await this.recorder.record(em, {
        tenantId, slug: facts.slug, request: req, preview, files: saved, actor: build.actor, now, sameRecordsAsPreview: same,
        planned: {
          result: {
            outcome: accessOutcome(frame.language, written, frame.registers.length),
            fileNames: files.map((f) => f.fileName),
            audit: { records: written, registers: frame.registers.map((r) => r.id), withheld },
            handedToSubject: frame.registers.map((r) => ({ registerKey: r.id, categories: [...(categories.get(r.id) ?? [])] })),
          },
          records, webhooks: [],
        },
      });
      await em.update(AccessPackageBuildEntity, { tenantId, id: buildId }, { recordsWritten: written, updatedAt: now });
      return { requestId: req.id, outcome };
    });
    if (!closed) return { status: 'failed', records: written };
    if ('recorded' in closed) {
      await this.completeIfOpen(tenantId, build);
      await this.markDone(tenantId, buildId);
      return { status: 'done', records: written };
    }
    // `done` only once the request is closed and the subject told: a worker stopping in between closes it on the next run.
    await this.close(tenantId, closed.requestId, closed.outcome, build.actor);
    await this.markDone(tenantId, buildId);
    return { status: 'done', records: written };
  }

  private async markDone(tenantId: string, buildId: string): Promise<void> {
    const now = this.clock();
    await this.db.forTenant(tenantId, (em) => em.update(AccessPackageBuildEntity, { tenantId, id: buildId, status: 'building' }, { status: 'done', updatedAt: now, finishedAt: now }));
  }

  /** The job gave up: the build is failed (the admin confirms a new preview to try again). */
  async fail(tenantId: string, buildId: string, error: string): Promise<void> {
    await this.db.forTenant(tenantId, (em) =>
      em.update(AccessPackageBuildEntity, { tenantId, id: buildId, status: 'building' }, { status: 'failed', error: error.slice(0, 500), updatedAt: this.clock(), finishedAt: this.clock() }));
  }

  /** The sweep: adds the job again for every build still under way (a job that exists is not added twice). */
  async sweep(): Promise<number> {
    let added = 0;
    await this.db.forEachTenant(async (tenantId) => {
      const open = await this.db.forTenant(tenantId, (em) => em.find(AccessPackageBuildEntity, { where: { tenantId, status: 'building' }, select: { id: true } }));
      for (const b of open) {
        await this.jobs.add('build-access-package', { tenantId, buildId: b.id }, { jobId: jobIdOf(b.id) });
        added += 1;
      }
    });
    return added;
  }

  /** The build's row and what the files are built from, read in one transaction; the pieces of an earlier attempt dropped. */
  private async begin(tenantId: string, buildId: string, facts: FulfilmentFacts): Promise<null | { finished: AccessPackageBuildEntity } | {
    finished?: undefined; build: AccessPackageBuildEntity; request: RightsRequestEntity; frame: AccessPackageFrame; withheld: string[];
    sourceSystems: Record<string, string>; previewIds: Set<string>;
  }> {
    return this.db.forTenant(tenantId, async (em) => {
      const build = await em.findOne(AccessPackageBuildEntity, { where: { tenantId, id: buildId }, lock: { mode: 'pessimistic_write' } });
      if (!build) return null;
      if (build.status !== 'building') return { finished: build };
      const request = await em.findOneOrFail(RightsRequestEntity, { where: { tenantId, id: build.requestId } });
      const preview = await em.findOneOrFail(RequestFulfilmentPlanEntity, { where: { tenantId, id: build.previewId }, select: { id: true, input: true, confirmedAt: true } });
      // The files and the outcome were recorded (the preview holds the result): only closing the request may be left.
      if (preview.confirmedAt) return { finished: build };
      await deleteBuildChunks(em, tenantId, buildId);
      const data = await loadSubjectFacts(em, tenantId, request.subjectId!);
      const held = await heldCategories(em, tenantId, request.subjectId!);
      const withheld = validateWithheld({ controller: facts.controller, registers: facts.registers, data }, (preview.input as FulfilInput).withheldDisclosureIds);
      const frame: AccessPackageFrame = buildAccessFrame({
        controller: facts.controller, registers: facts.registers, data, held,
        request: { reference: request.reference, receivedAt: new Date(request.receivedAt), locale: request.locale },
        now: this.clock(), withheldDisclosureIds: withheld,
      });
      const total = held.reduce((n, h) => n + h.records, 0);
      await em.update(AccessPackageBuildEntity, { tenantId, id: buildId }, { attempts: build.attempts + 1, recordsTotal: total, recordsWritten: 0, updatedAt: this.clock() });
      return { build, request, frame, withheld, sourceSystems: data.sourceSystems, previewIds: await previewRecordIds(em, tenantId, build.previewId) };
    });
  }

  /** A build whose outcome was recorded but whose request was not closed (the worker stopped in between): close it with the recorded outcome. */
  private async completeIfOpen(tenantId: string, build: AccessPackageBuildEntity): Promise<void> {
    const pending = await this.db.forTenant(tenantId, async (em) => {
      const req = await em.findOne(RightsRequestEntity, { where: { tenantId, id: build.requestId } });
      if (!req || !FULFILLABLE.includes(req.state)) return null;
      const event = await em.findOne(RequestEventEntity, { where: { tenantId, requestId: req.id, kind: 'fulfilment' }, order: { at: 'DESC' } });
      return event?.data?.outcome ? { requestId: req.id, outcome: event.data.outcome as Record<string, unknown> } : null;
    });
    if (pending) await this.close(tenantId, pending.requestId, pending.outcome, build.actor);
  }

  private close(tenantId: string, requestId: string, outcome: Record<string, unknown>, actor: FulfilmentActor) {
    return this.requests.complete(tenantId, requestId, outcome, { userId: actor.id, label: actor.label ?? actor.name, auditLabel: actor.name, ip: actor.ip });
  }
}
