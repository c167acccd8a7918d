import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Lang, Register } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { NotFoundError } from '@regula/platform';
import { ControllerDefinitionService } from '@regula/registers';
import { DisclosureLog } from '@regula/subjects';
import { TenantsService } from '@regula/tenancy';
import { RequestEventEntity } from '../request-event.entity';
import type { RequestType } from '../request-types';
import type { RightsRequestEntity } from '../rights-request.entity';
import { maskAddress, planView, type FulfilmentPlan, type PlanDifference, type PlannedFulfilment } from './fulfilment-plan';
import { FulfilmentPlans } from './fulfilment-plans.store';
import { answerLanguage, label } from './fulfilment-text';
import type { RequestFulfilmentPlanEntity } from './request-fulfilment-plan.entity';
import type { ArtifactMeta, FulfilmentActor, TenantFacts } from './fulfilment.types';

/** Who receives the answer, and how (the address masked). */
export function deliveryOf(request: RightsRequestEntity): { channel: 'email' | 'post'; to: string | null } {
  return request.requesterEmail ? { channel: 'email', to: maskAddress(request.requesterEmail) } : { channel: 'post', to: null };
}

/** "Your personal data (HTML)": the status page and the e-mail show it for each download. */
function downloadLabel(kind: string, lang: Lang): string {
  const [family, format] = kind.split('-');
  const title = family === 'portability' ? label('portabilityTitle', lang) : family === 'recipients' ? label('recipientsTitle', lang) : label('title', lang);
  return `${title} (${(format ?? '').toUpperCase()})`;
}

/** What Regula hands the subject, per request type (the legal basis of the `disclosures` row). */
const HANDED_BASIS: Partial<Record<RequestType, string>> = { access: 'GDPR Art. 15(3)', portability: 'GDPR Art. 20(1)' };

/** The tenant and its definition as fulfilment reads them. */
export interface FulfilmentFacts {
  slug: string;
  controller: TenantFacts;
  registers: Register[];
}

/**
 * What every fulfilment records once its plan is carried out, in the caller's
 * transaction: the files in the outcome, the hand-over as a disclosure, the
 * `fulfilment` request event holding the outcome, the result on the confirmed
 * preview with its difference, and the `request.fulfilled` audit entry. Shared
 * by the act in the HTTP call and the access package built in the worker.
 */
@Injectable()
export class FulfilmentRecorder {
  constructor(
    private readonly tenants: TenantsService,
    private readonly definitions: ControllerDefinitionService,
    private readonly audit: AuditService,
    private readonly disclosures: DisclosureLog,
    private readonly plans: FulfilmentPlans,
  ) {}

  /** The tenant and its definition as people confirmed it: what the subject is told rests on what the controller stated or confirmed. */
  async facts(tenantId: string): Promise<FulfilmentFacts> {
    const [tenant] = await this.tenants.list([tenantId]);
    if (!tenant) throw new NotFoundError('no such tenant');
    const { definition } = await this.definitions.load(tenantId);
    const { registers, ...controller }: { registers: Register[] } & TenantFacts = definition;
    return { slug: tenant.slug, controller, registers };
  }

  async record(
    em: EntityManager,
    args: {
      tenantId: string; slug: string; request: RightsRequestEntity; preview: RequestFulfilmentPlanEntity;
      planned: Pick<PlannedFulfilment, 'result' | 'records' | 'webhooks'>; files: ArtifactMeta[]; actor: FulfilmentActor; now: Date;
      /** The result acts on exactly the preview's records (`planned.records` is then empty): they are copied in the database, never loaded. */
      sameRecordsAsPreview?: boolean;
    },
  ): Promise<{ outcome: Record<string, unknown>; result: { id: string; plan: FulfilmentPlan; difference: PlanDifference } }> {
    const { tenantId, slug, request, preview, planned, files, actor, now } = args;
    const result = planned.result;
    const plan = planView(request.type, planned, deliveryOf(request), now);
    const outcome = { ...result.outcome };
    if (files.length) {
      const lang = answerLanguage(request.locale);
      outcome.downloads = files.map((m) => ({
        ...m,
        label: downloadLabel(m.kind, lang),
        staffPath: `/api/v1/tenants/${slug}/requests/${request.reference}/artifacts/${m.id}`,
      }));
    }
    if (request.subjectId) await this.recordHandOver(em, tenantId, request, request.subjectId, result, now);
    await em.save(
      em.create(RequestEventEntity, {
        tenantId, requestId: request.id, at: now, kind: 'fulfilment', fromState: request.state, toState: request.state,
        actor: actor.label ?? actor.name, visibleToSubject: false, note: typeof outcome.summary === 'string' ? outcome.summary : null, data: { outcome },
      }),
    );
    const saved = args.sameRecordsAsPreview
      ? await this.plans.saveResultSameRecords(em, preview, plan, now, actor.label ?? actor.name)
      : await this.plans.saveResult(em, preview, plan, now, actor.label ?? actor.name);
    await this.audit.append(em, {
      tenantId, actorId: actor.id, actor: actor.name, action: 'request.fulfilled', ip: actor.ip, targetType: 'request', targetId: request.id,
      details: {
        reference: request.reference, type: request.type, subjectId: request.subjectId, counts: outcome.counts ?? {}, ...(result.audit ?? {}),
        planId: saved.id, previewed: true, differsFromPreview: !saved.difference.same,
      },
    });
    return { outcome, result: { id: saved.id, plan, difference: saved.difference } };
  }

  /** The package Regula hands the subject is a disclosure too: one row per register, in the same transaction. */
  private async recordHandOver(em: EntityManager, tenantId: string, request: RightsRequestEntity, subjectId: string, result: PlannedFulfilment['result'], at: Date): Promise<void> {
    for (const h of result.handedToSubject ?? []) {
      if (!h.categories.length) continue;
      await this.disclosures.recordHandOver(em, tenantId, {
        subjectId, registerKey: h.registerKey, recipientId: 'data-subject', recipientName: 'the data subject', categories: h.categories, disclosedAt: at,
        externalId: `${request.reference}:${request.type}:${h.registerKey}`, legalBasis: HANDED_BASIS[request.type] ?? null,
      });
    }
  }
}
