import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ConflictError, NotFoundError } from '@regula/platform';
import type { RightsRequestEntity } from '../rights-request.entity';
import { diffPlans, type FulfilmentPlan, type PlanDifference } from './fulfilment-plan';
import { RequestFulfilmentPlanEntity } from './request-fulfilment-plan.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string can be a preview's id (a UUID). */
export const isPreviewId = (id: string): boolean => UUID.test(id);

/**
 * How long a preview can be confirmed. The act recomputes the plan on the data
 * as it is then and reports any difference, but a confirmation should still
 * answer what the admin has just looked at: a preview from yesterday is shown
 * again (a new preview) rather than confirmed blind.
 */
export const PREVIEW_VALID_HOURS = 24;

/** When a preview stops being confirmable (null for a row that is no preview). */
export function previewExpiresAt(row: Pick<RequestFulfilmentPlanEntity, 'previewedAt'>): Date | null {
  return row.previewedAt ? new Date(row.previewedAt.getTime() + PREVIEW_VALID_HOURS * 3_600_000) : null;
}

/** The previews and results of a request's fulfilment (`request_fulfilment_plans`), in the caller's tenant transaction. */
@Injectable()
export class FulfilmentPlans {
  async savePreview(
    em: EntityManager, tenantId: string, requestId: string, input: Record<string, unknown>, plan: FulfilmentPlan, at: Date, by: string,
  ): Promise<RequestFulfilmentPlanEntity> {
    return em.save(em.create(RequestFulfilmentPlanEntity, { tenantId, requestId, type: plan.type, input, preview: plan, previewedAt: at, previewedBy: by }));
  }

  /**
   * The preview to carry out, locked for the confirmation: one of this request
   * (409 otherwise), made for its type (409 when the type changed since), not
   * yet confirmed (409) and not older than PREVIEW_VALID_HOURS at `now` (409).
   */
  async openPreview(em: EntityManager, tenantId: string, request: RightsRequestEntity, previewId: string, now: Date): Promise<RequestFulfilmentPlanEntity> {
    const row = isPreviewId(previewId)
      ? await em
        .createQueryBuilder(RequestFulfilmentPlanEntity, 'p')
        .where('p.tenant_id = :tenantId AND p.request_id = :requestId AND p.id = :previewId', { tenantId, requestId: request.id, previewId })
        .setLock('pessimistic_write')
        .getOne()
      : null;
    if (!row?.preview || !row.previewedAt) throw new ConflictError(`previewId ${previewId} is not a preview of request ${request.reference}: preview the fulfilment first`);
    if (row.confirmedAt) throw new ConflictError(`previewId ${previewId} was already confirmed (${row.confirmedAt.toISOString()}): the request is fulfilled once`);
    if (row.type !== request.type) {
      throw new ConflictError(`previewId ${previewId} was made for the type ${row.type} and request ${request.reference} is now of type ${request.type}: preview it again`);
    }
    const expiresAt = previewExpiresAt(row)!;
    if (expiresAt.getTime() <= now.getTime()) {
      throw new ConflictError(`previewId ${previewId} expired at ${expiresAt.toISOString()} (a preview can be confirmed for ${PREVIEW_VALID_HOURS} hours): preview it again`);
    }
    return row;
  }

  /** Records on the confirmed preview what the act did, with the difference. */
  async saveResult(em: EntityManager, preview: RequestFulfilmentPlanEntity, result: FulfilmentPlan, at: Date, by: string): Promise<{ id: string; difference: PlanDifference }> {
    const difference = diffPlans(preview.preview!, result);
    // The changed columns only: saving the entity would write the preview again (and read the row back to compare), a large plan twice.
    const changes = { result, confirmedAt: at, confirmedBy: by, difference } as QueryDeepPartialEntity<RequestFulfilmentPlanEntity>;
    await em.update(RequestFulfilmentPlanEntity, { tenantId: preview.tenantId, id: preview.id }, changes);
    Object.assign(preview, { result, confirmedAt: at, confirmedBy: by, difference });
    return { id: preview.id, difference };
  }

  /**
   * Records a result that acts on exactly the preview's records (an access package
   * whose records did not change since the preview): the rows are copied from the
   * preview in the database, so a plan of 100,000 rows is never loaded. Its
   * webhooks must be the preview's too (access: none).
   */
  async saveResultSameRecords(em: EntityManager, preview: Pick<RequestFulfilmentPlanEntity, 'tenantId' | 'id'>, result: FulfilmentPlan, at: Date, by: string): Promise<{ id: string; difference: PlanDifference }> {
    const difference: PlanDifference = { same: true, added: [], removed: [], changed: [], webhooksAdded: [], webhooksRemoved: [], webhooksChanged: [] };
    await em.query(
      `UPDATE request_fulfilment_plans SET result = jsonb_set($1::jsonb, '{records}', COALESCE(preview->'records', '[]'::jsonb)),
              confirmed_at = $2, confirmed_by = $3, difference = $4::jsonb
        WHERE tenant_id = $5 AND id = $6`,
      [JSON.stringify({ ...result, records: [] }), at, by, JSON.stringify(difference), preview.tenantId, preview.id],
    );
    return { id: preview.id, difference };
  }

  /** One preview or result of a request (the preview page). */
  async find(em: EntityManager, tenantId: string, requestId: string, id: string): Promise<RequestFulfilmentPlanEntity> {
    if (!UUID.test(id)) throw new NotFoundError('no such preview');
    const row = await em.findOne(RequestFulfilmentPlanEntity, { where: { tenantId, requestId, id } });
    if (!row) throw new NotFoundError('no such preview');
    return row;
  }

  /** Every preview and result of a request, newest first. */
  list(em: EntityManager, tenantId: string, requestId: string): Promise<RequestFulfilmentPlanEntity[]> {
    return em.find(RequestFulfilmentPlanEntity, { where: { tenantId, requestId }, order: { createdAt: 'DESC' } });
  }
}
