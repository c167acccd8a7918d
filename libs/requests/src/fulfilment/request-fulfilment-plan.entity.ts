import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FulfilmentPlan, PlanDifference } from './fulfilment-plan';

/**
 * A fulfilment's preview and its result, kept with the request: what the admin
 * was shown (when, by whom, for which input) and what the act then did on the
 * data as it was at confirmation, with the difference. Every fulfilment now
 * confirms a preview; rows from before that keep a result alone (`preview` null).
 */
@Entity({ name: 'request_fulfilment_plans' })
export class RequestFulfilmentPlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ type: 'text' }) type: string;
  /** The admin's fulfilment input (corrections, ground, scope...), applied again at confirmation. */
  @Column({ type: 'jsonb', default: {} }) input: Record<string, unknown>;
  @Column({ type: 'jsonb', nullable: true }) preview: FulfilmentPlan | null;
  @Column({ name: 'previewed_at', type: 'timestamptz', nullable: true }) previewedAt: Date | null;
  @Column({ name: 'previewed_by', type: 'text', nullable: true }) previewedBy: string | null;
  @Column({ type: 'jsonb', nullable: true }) result: FulfilmentPlan | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'confirmed_by', type: 'text', nullable: true }) confirmedBy: string | null;
  /** Null without a preview. */
  @Column({ type: 'jsonb', nullable: true }) difference: PlanDifference | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
