import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Register, Lang } from '@regula/engine';
import { AuditService } from '@regula/audit';
import { ConflictError, NotFoundError, TenantDb } from '@regula/platform';
import { ControllerDefinitionService } from '@regula/registers';
import { TenantsService } from '@regula/tenancy';
import { DisclosureLog } from '@regula/subjects';
import { RequestEventEntity } from '../request-event.entity';
import type { RequestType } from '../request-types';
import { REQUESTS_PORT, type RequestsPort } from '../requests.port';
import { normaliseReference } from '../request-secrets';
import { RightsRequestEntity } from '../rights-request.entity';
import { AccessService } from './access.service';
import { ArtifactStore, type ArtifactFile } from './artifact-store.service';
import { ConsentWithdrawalService } from './consent-withdrawal.service';
import { ErasureService } from './erasure.service';
import { answerLanguage, label } from './fulfilment-text';
import { ObjectionService } from './objection.service';
import { summaries } from './outcome-text';
import { PortabilityService } from './portability.service';
import { RecipientsReportService } from './recipients-report.service';
import { RectificationService } from './rectification.service';
import { RestrictionService } from './restriction.service';
import { loadSubjectData } from './subject-data.loader';
import type { FulfilInput, FulfilmentActor, FulfilmentContext, FulfilmentResult, TenantFacts } from './fulfilment.types';

const FULFILLABLE = ['in-progress', 'extended'];

/** "Your personal data (HTML)": the status page and the e-mail show it for each download. */
function downloadLabel(kind: string, lang: Lang): string {
  const [family, format] = kind.split('-');
  const title = family === 'portability' ? label('portabilityTitle', lang) : family === 'recipients' ? label('recipientsTitle', lang) : label('title', lang);
  return `${title} (${(format ?? '').toUpperCase()})`;
}

/** What Regula hands the subject, per request type (the legal basis of the `disclosures` row). */
const HANDED_BASIS: Partial<Record<RequestType, string>> = { access: 'GDPR Art. 15(3)', portability: 'GDPR Art. 20(1)' };

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
 */
@Injectable()
export class FulfilmentService {
  constructor(
    private readonly db: TenantDb,
    private readonly tenants: TenantsService,
    private readonly definitions: ControllerDefinitionService,
    private readonly audit: AuditService,
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
    private readonly disclosures: DisclosureLog,
  ) {}

  async fulfil(tenantId: string, reference: string, input: FulfilInput, actor: FulfilmentActor): Promise<{ request: RightsRequestEntity; outcome: Record<string, unknown> }> {
    const [tenant] = await this.tenants.list([tenantId]);
    if (!tenant) throw new NotFoundError('no such tenant');
    // The definition as people confirmed it: what the subject is told rests on what the controller stated or confirmed.
    const { definition } = await this.definitions.load(tenantId);
    const { registers, ...controller }: { registers: Register[] } & TenantFacts = definition;
    const now = new Date();

    const prepared = await this.db.forTenant(tenantId, async (em) => {
      const request = await this.lockRequest(em, tenantId, reference);
      const earlier = await em.findOne(RequestEventEntity, { where: { tenantId, requestId: request.id, kind: 'fulfilment' }, order: { at: 'DESC' } });
      if (earlier?.data?.outcome) return { requestId: request.id, outcome: earlier.data.outcome as Record<string, unknown> };

      let result: FulfilmentResult;
      if (!request.subjectId) {
        const lang = answerLanguage(request.locale);
        result = { outcome: { type: request.type, language: lang, result: 'no-personal-data-found', summary: summaries(lang).noData(), counts: {} } };
      } else {
        const ctx: FulfilmentContext = {
          em, tenantId, slug: tenant.slug, controller, registers, request, subjectId: request.subjectId,
          data: await loadSubjectData(em, tenantId, request.subjectId), now, actor,
        };
        result = await this.dispatch(ctx, input);
      }
      const outcome = { ...result.outcome };
      if (result.artifacts?.length) {
        const lang = answerLanguage(request.locale);
        const saved = await this.artifacts.save(em, tenantId, tenant.slug, request, result.artifacts);
        outcome.downloads = saved.map((m) => ({
          ...m,
          label: downloadLabel(m.kind, lang),
          staffPath: `/api/v1/tenants/${tenant.slug}/requests/${request.reference}/artifacts/${m.id}`,
        }));
      }
      if (request.subjectId) await this.recordHandOver(em, tenantId, request, request.subjectId, result, now);
      await em.save(
        em.create(RequestEventEntity, {
          tenantId, requestId: request.id, at: now, kind: 'fulfilment', fromState: request.state, toState: request.state,
          actor: actor.label ?? actor.name, visibleToSubject: false, note: typeof outcome.summary === 'string' ? outcome.summary : null, data: { outcome },
        }),
      );
      await this.audit.append(em, {
        tenantId, actorId: actor.id, actor: actor.name, action: 'request.fulfilled', ip: actor.ip, targetType: 'request', targetId: request.id,
        details: { reference: request.reference, type: request.type, subjectId: request.subjectId, counts: outcome.counts ?? {}, ...(result.audit ?? {}) },
      });
      return { requestId: request.id, outcome };
    });

    const request = await this.requests.complete(tenantId, prepared.requestId, prepared.outcome, {
      userId: actor.id, label: actor.label ?? actor.name, auditLabel: actor.name, ip: actor.ip,
    });
    return { request, outcome: prepared.outcome };
  }

  /** A file of a request, for the tenant's staff. */
  artifactForStaff(tenantId: string, reference: string, artifactId: string): Promise<ArtifactFile> {
    return this.db.forTenant(tenantId, async (em) => {
      const request = await em.findOne(RightsRequestEntity, { where: { tenantId, reference: normaliseReference(reference) ?? reference } });
      if (!request) throw new NotFoundError(`no request ${reference}`);
      return this.artifacts.read(em, tenantId, request.id, artifactId);
    });
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

  private dispatch(ctx: FulfilmentContext, input: FulfilInput): Promise<FulfilmentResult> {
    const type = ctx.request.type;
    switch (type) {
      case 'access':
        return this.access.fulfil(ctx, input);
      case 'portability':
        return this.portability.fulfil(ctx);
      case 'erasure':
        return this.erasure.fulfil(ctx);
      case 'rectification':
        return this.rectification.fulfil(ctx, input);
      case 'restriction':
        return this.restriction.fulfil(ctx, input);
      case 'objection':
      case 'objection-direct-marketing':
      case 'objection-automated':
        return this.objection.fulfil(ctx, input, type);
      case 'consent-withdrawal':
        return this.consentWithdrawal.fulfil(ctx, input);
      case 'recipients-in-period':
        return this.recipients.fulfil(ctx, input);
      default:
        throw new ConflictError(`no fulfilment for request type ${String(type)}`);
    }
  }

  /** The package Regula hands the subject is a disclosure too: one row per register, in the same transaction. */
  private async recordHandOver(em: EntityManager, tenantId: string, request: RightsRequestEntity, subjectId: string, result: FulfilmentResult, at: Date): Promise<void> {
    for (const h of result.handedToSubject ?? []) {
      if (!h.categories.length) continue;
      await this.disclosures.recordHandOver(em, tenantId, {
        subjectId, registerKey: h.registerKey, recipientId: 'data-subject', recipientName: 'the data subject', categories: h.categories, disclosedAt: at,
        externalId: `${request.reference}:${request.type}:${h.registerKey}`, legalBasis: HANDED_BASIS[request.type] ?? null,
      });
    }
  }
}
