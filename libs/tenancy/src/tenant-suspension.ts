import { ConflictError } from '@regula/platform';
import { TenantEntity } from './tenant.entity';

/** A change asked of a suspended controller (409): its data can be read and exported, not changed. */
export class TenantSuspendedError extends ConflictError {
  constructor(readonly slug: string) {
    super(`${slug} is suspended: its data can be read and exported, not changed`);
  }
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one rule for REST and the dashboard: while a controller is suspended,
 * only reads (exports among them) pass; anything else is refused. Its
 * deadlines, reminders and retention keep running in the worker.
 */
export function refuseChangeWhileSuspended(tenant: Pick<TenantEntity, 'slug' | 'suspendedAt'>, method: string): void {
  if (tenant.suspendedAt && !READS.has(method.toUpperCase())) throw new TenantSuspendedError(tenant.slug);
}
