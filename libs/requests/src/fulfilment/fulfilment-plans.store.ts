import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '@regula/platform';
import { diffPlans, type FulfilmentPlan, type PlanDifference } from './fulfilment-plan';
import { RequestFulfilmentPlanEntity } from './request-fulfilment-plan.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The previews and results of a request's fulfilment (`request_fulfilment_plans`), in the caller's tenant transaction. */
@Injectable()
export class FulfilmentPlans {
  async savePreview(
    em: EntityManager, tenantId: string, requestId: string, input: Record<string, unknown>, plan: FulfilmentPlan, at: Date, by: string,
  ): Promise<RequestFulfilmentPlanEntity> {
    return em.save(em.create(RequestFulfilmentPlanEntity, { tenantId, requestId, type: plan.type, input, preview: plan, previewedAt: at, previewedBy: by }));
  }

  /** A preview of this request not yet confirmed, locked for the confirmation: 404 when unknown, 409 when already confirmed. */
  async openPreview(em: EntityManager, tenantId: string, requestId: string, previewId: string): Promise<RequestFulfilmentPlanEntity> {
    if (!UUID.test(previewId)) throw new NotFoundError('no such preview');
    const row = await em
      .createQueryBuilder(RequestFulfilmentPlanEntity, 'p')
      .where('p.tenant_id = :tenantId AND p.request_id = :requestId AND p.id = :previewId AND p.preview IS NOT NULL', { tenantId, requestId, previewId })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw new NotFoundError('no such preview');
    if (row.confirmedAt) throw new ConflictError('this preview was already confirmed');
    return row;
  }

  /** Records what the act did: on the confirmed preview (with the difference), or as a result of its own. */
  async saveResult(
    em: EntityManager, tenantId: string, requestId: string, preview: RequestFulfilmentPlanEntity | null, input: Record<string, unknown>,
    result: FulfilmentPlan, at: Date, by: string,
  ): Promise<{ id: string; difference: PlanDifference | null }> {
    if (preview) {
      const difference = diffPlans(preview.preview!, result);
      Object.assign(preview, { result, confirmedAt: at, confirmedBy: by, difference });
      await em.save(preview);
      return { id: preview.id, difference };
    }
    const row = await em.save(em.create(RequestFulfilmentPlanEntity, { tenantId, requestId, type: result.type, input, result, confirmedAt: at, confirmedBy: by }));
    return { id: row.id, difference: null };
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
