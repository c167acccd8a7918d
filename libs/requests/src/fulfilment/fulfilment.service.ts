import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@regula/audit';
import { CLOCK, Clock, ConflictError, InvalidInputError, NotFoundError, systemClock, TenantDb } from '@regula/platform';
import { RequestEventEntity } from '../request-event.entity';
import { REQUEST_TYPES, type RequestType } from '../request-types';
import { REQUESTS_PORT, type RequestsPort } from '../requests.port';
import { normaliseReference } from '../request-secrets';
import { RightsRequestEntity } from '../rights-request.entity';
import { AccessService } from './access.service';
import { ArtifactStore, type ArtifactFile } from './artifact-store.service';
import { ConsentWithdrawalService } from './consent-withdrawal.service';
import { ErasureService } from './erasure.service';
import { AccessPackageBuilds, type PackageBuildView } from './access-package-builds.service';
import { planView, type FulfilmentPlan, type PlanDifference, type PlannedFulfilment } from './fulfilment-plan';
import { deliveryOf, FulfilmentRecorder, type FulfilmentFacts } from './fulfilment-record.service';
import { FulfilmentPlans, isPreviewId } from './fulfilment-plans.store';
import { RequestFulfilmentPlanEntity } from './request-fulfilment-plan.entity';
import { isStaffOnlyFile } from './request-artifact.entity';
import { answerLanguage } from './fulfilment-text';
import { ObjectionService } from './objection.service';
import { summaries } from './outcome-text';
import { PortabilityService } from './portability.service';
import { RecipientsReportService } from './recipients-report.service';
import { RectificationService } from './rectification.service';
import { RestrictionService } from './restriction.service';
import { loadSubjectData } from './subject-data.loader';
import type { FulfilInput, FulfilmentActor, FulfilmentContext } from './fulfilment.types';

const FULFILLABLE = ['in-progress', 'extended'];

/**
 * The types whose fulfilment is previewed before it is carried out (issue 14 §3):
 * every type, since each changes data, tells source systems or sends the subject
 * an answer, and none of that can be taken back. A fulfilment needs a preview.
 */
export const PREVIEWED: readonly RequestType[] = Object.keys(REQUEST_TYPES) as RequestType[];

/**
 * Fulfils a rights request from the registers and the stored data: one
 * service per right, all of it (the change, the webhook rows, the files,
 * the `disclosures` row of what was handed to the subject, the request event
 * and the audit entry) in one tenant transaction; then the requests core
 * closes the request with the outcome (`complete`: audited, e-mailed).
 *
 * If closing fails after the commit, the outcome is kept in a 'fulfilment'
 * request event and the next call completes the request with it instead of
 * acting twice.
 *
 * An access request with a matched subject is answered by a package the worker
 * builds (issue 16 §5): the confirmation starts the build (`AccessPackageBuilds`)
 * and answers with it at once; the build records the outcome as above and
 * closes the request when its files are complete.
 */
@Injectable()
export class FulfilmentService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly recorder: FulfilmentRecorder,
    private readonly builds: AccessPackageBuilds,
    private readonly artifacts: ArtifactStore,
    private readonly access: AccessService,
    private readonly portability: PortabilityService,
    private readonly erasure: ErasureService,
    private readonly rectification: RectificationService,
    private readonly restriction: RestrictionService,
    private readonly objection: ObjectionService,
    private readonly consentWithdrawal: ConsentWithdrawalService,
    private readonly recipients: RecipientsReportService,
    @Inject(REQUESTS_PORT) private readonly requests: RequestsPort,
    private readonly plans: FulfilmentPlans,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  /**
   * What fulfilling the request would do, computed without changing anything:
   * kept with the request (`request_fulfilment_plans`) with its time and the
   * admin, audited.
   */
  async preview(tenantId: string, reference: string, input: FulfilInput, actor: FulfilmentActor): Promise<{ id: string; reference: string; plan: FulfilmentPlan }> {
    const facts = await this.recorder.facts(tenantId);
    const now = this.clock();
    return this.db.forTenant(tenantId, async (em) => {
      const request = await this.lockRequest(em, tenantId, reference);
      const planned = await this.planned(em, tenantId, facts, request, input, now, actor);
      const plan = planView(request.type, planned, deliveryOf(request), now);
      const row = await this.plans.savePreview(em, tenantId, request.id, { ...input }, plan, now, actor.label ?? actor.name);
      await this.audit.append(em, {
        tenantId, actorId: actor.id, actor: actor.name, action: 'request.fulfilment.previewed', ip: actor.ip, targetType: 'request', targetId: request.id,
        details: { reference: request.reference, type: request.type, previewId: row.id, records: plan.records.length, webhooks: plan.webhooks.length, counts: plan.counts },
      });
      return { id: row.id, reference: request.reference, plan };
    });
  }

  /**
   * Carries out a preview of the request (`previewId`: made for this request
   * and its type, not yet confirmed, not older than PREVIEW_VALID_HOURS):
   * the preview's input is used, the plan is computed again on the data as it
   * is now and carried out, and the result keeps what differs from the
   * preview. Nothing is fulfilled without a preview (400 naming `previewId`
   * when it is missing or malformed, 409 when it cannot be confirmed).
   */
  async fulfil(
    tenantId: string, reference: string, actor: FulfilmentActor, previewId: string | undefined,
  ): Promise<{
    request: RightsRequestEntity; outcome: Record<string, unknown> | null;
    result?: { id: string; plan: FulfilmentPlan; difference: PlanDifference | null }; build?: PackageBuildView;
  }> {
    if (!previewId) throw new InvalidInputError(['previewId is required: preview the fulfilment first (POST …/fulfil/preview) and confirm that preview']);
    if (!isPreviewId(previewId)) throw new InvalidInputError(['previewId must be the id (a UUID) of a preview of this request']);
    const facts = await this.recorder.facts(tenantId);
    const now = this.clock();

    const prepared = await this.db.forTenant(tenantId, async (em) => {
      const request = await this.lockRequest(em, tenantId, reference);
      // A fulfilment committed whose closing failed: complete it with the same outcome rather than act twice.
      const earlier = await em.findOne(RequestEventEntity, { where: { tenantId, requestId: request.id, kind: 'fulfilment' }, order: { at: 'DESC' } });
      if (earlier?.data?.outcome) return { request, outcome: earlier.data.outcome as Record<string, unknown> };
      // A package under way for this request: the confirmation answers with it (a second click starts nothing).
      const open = await this.builds.openFor(em, tenantId, request.id);
      if (open) return { request, build: open };
      const preview = await this.plans.openPreview(em, tenantId, request, previewId, now);
      if (request.type === 'access' && request.subjectId) {
        return { request, build: await this.builds.start(em, tenantId, request, preview, actor, now) };
      }
      const given = preview.input as FulfilInput;
      const planned = await this.planned(em, tenantId, facts, request, given, now, actor);
      await planned.apply();
      const files = planned.result.artifacts?.length ? await this.artifacts.save(em, tenantId, facts.slug, request, planned.result.artifacts) : [];
      const { outcome, result } = await this.recorder.record(em, { tenantId, slug: facts.slug, request, preview, planned, files, actor, now });
      return { request, outcome, result };
    });

    if ('build' in prepared && prepared.build) return { request: prepared.request, outcome: null, build: prepared.build };
    const outcome = (prepared as { outcome: Record<string, unknown> }).outcome;
    const request = await this.requests.complete(tenantId, prepared.request.id, outcome, {
      userId: actor.id, label: actor.label ?? actor.name, auditLabel: actor.name, ip: actor.ip,
    });
    return { request, outcome, ...('result' in prepared && prepared.result ? { result: prepared.result } : {}) };
  }

  /** A request's latest access package build (null when none was started) and, once it is done, the result kept on its preview. */
  buildOf(tenantId: string, reference: string): Promise<{
    request: RightsRequestEntity; build: PackageBuildView | null; result: { id: string; plan: FulfilmentPlan; difference: PlanDifference | null } | null;
  }> {
    return this.db.forTenant(tenantId, async (em) => {
      const request = await this.findRequest(em, tenantId, reference);
      const build = await this.builds.latestFor(em, tenantId, request.id);
      const row = build?.status === 'done' ? await this.plans.find(em, tenantId, request.id, build.previewId) : null;
      return { request, build, result: row?.result ? { id: row.id, plan: row.result, difference: row.difference } : null };
    });
  }

  /** The previews and results kept with a request, newest first. */
  plansOf(tenantId: string, reference: string): Promise<RequestFulfilmentPlanEntity[]> {
    return this.db.forTenant(tenantId, async (em) => this.plans.list(em, tenantId, (await this.findRequest(em, tenantId, reference)).id));
  }

  /** One preview (or result) of a request. */
  planOf(tenantId: string, reference: string, id: string): Promise<RequestFulfilmentPlanEntity> {
    return this.db.forTenant(tenantId, async (em) => this.plans.find(em, tenantId, (await this.findRequest(em, tenantId, reference)).id, id));
  }

  private async findRequest(em: EntityManager, tenantId: string, reference: string): Promise<RightsRequestEntity> {
    const request = await em.findOne(RightsRequestEntity, { where: { tenantId, reference: normaliseReference(reference) ?? reference } });
    if (!request) throw new NotFoundError(`no request ${reference}`);
    return request;
  }

  /** The plan of the request's type (or "no personal data found" when no subject matched), computed on the data as it is now. */
  private async planned(
    em: EntityManager, tenantId: string, facts: FulfilmentFacts,
    request: RightsRequestEntity, input: FulfilInput, now: Date, actor: FulfilmentActor,
  ): Promise<PlannedFulfilment> {
    if (!request.subjectId) {
      const lang = answerLanguage(request.locale);
      return {
        result: { outcome: { type: request.type, language: lang, result: 'no-personal-data-found', summary: summaries(lang).noData(), counts: {} } },
        records: [], webhooks: [], apply: async () => undefined,
      };
    }
    const ctx: FulfilmentContext = {
      em, tenantId, slug: facts.slug, controller: facts.controller, registers: facts.registers, request, subjectId: request.subjectId,
      data: await loadSubjectData(em, tenantId, request.subjectId), now, actor,
    };
    switch (request.type) {
      case 'access': return this.access.plan(ctx, input);
      case 'portability': return this.portability.plan(ctx);
      case 'erasure': return this.erasure.plan(ctx);
      case 'rectification': return this.rectification.plan(ctx, input);
      case 'restriction': return this.restriction.plan(ctx, input);
      case 'objection':
      case 'objection-direct-marketing':
      case 'objection-automated':
        return this.objection.plan(ctx, input, request.type);
      case 'consent-withdrawal': return this.consentWithdrawal.plan(ctx, input);
      case 'recipients-in-period': return this.recipients.plan(ctx, input);
      default: throw new ConflictError(`no plan for request type ${String(request.type)}`);
    }
  }

  /** A file of a request, for the tenant's staff. */
  /** A file of the request for staff; its original and printed letters are not served here (RequestOriginalService audits each read of the original as a personal-data read; letters have their own route). */
  artifactForStaff(tenantId: string, reference: string, artifactId: string): Promise<ArtifactFile> {
    return this.db.forTenant(tenantId, async (em) => this.artifacts.read(em, tenantId, (await this.findRequest(em, tenantId, reference)).id, artifactId, isStaffOnlyFile));
  }

  private async lockRequest(em: EntityManager, tenantId: string, reference: string): Promise<RightsRequestEntity> {
    const request = await em
      .createQueryBuilder(RightsRequestEntity, 'r')
      .where('r.tenant_id = :tenantId AND r.reference = :reference', { tenantId, reference: normaliseReference(reference) ?? reference })
      .setLock('pessimistic_write')
      .getOne();
    if (!request) throw new NotFoundError(`no request ${reference}`);
    if (!FULFILLABLE.includes(request.state)) {
      throw new ConflictError(`request ${reference} is ${request.state}: only a request in progress (or extended) is fulfilled`);
    }
    return request;
  }
}
