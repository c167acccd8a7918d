import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FulfilmentActor } from './fulfilment.types';

export type PackageBuildStatus = 'building' | 'done' | 'failed';

/**
 * An access package being built in the worker (issue 16 §5): made when the admin
 * confirms an access preview, redone from the start by whichever worker runs its
 * job (a crash loses nothing but the time spent), `done` once the files, the
 * hand-over and the request's completion are committed together.
 */
@Entity({ name: 'access_package_builds' })
export class AccessPackageBuildEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'uuid' }) tenantId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  /** The confirmed preview (its input is the build's input; the result is saved on it). */
  @Column({ name: 'preview_id', type: 'uuid' }) previewId: string;
  @Column({ type: 'text' }) status: PackageBuildStatus;
  /** Who confirmed (the request's completion and the audit entry name them). */
  @Column({ type: 'jsonb' }) actor: FulfilmentActor;
  @Column({ name: 'records_total', type: 'int' }) recordsTotal: number;
  @Column({ name: 'records_written', type: 'int' }) recordsWritten: number;
  /** How many times a worker started it (a restart redoes it). */
  @Column({ type: 'int' }) attempts: number;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}
