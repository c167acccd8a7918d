import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DomainEvents, JobData, JobProducer, TenantDb } from '@regula/platform';
import { RequestClockChanged, RightsRequestEntity } from '@regula/requests';
import { dueItems, slaJobId } from './sla-plan';
import { SlaService } from './sla.service';

/**
 * Schedules the SLA notices of a request as delayed `sla-reminder` jobs,
 * with deterministic ids (request + kind + due instant): scheduling again
 * adds only what is new, and jobs of an older plan (before a pause, an
 * extension, a closing) find nothing to do when they run. Never throws:
 * the sweep sends whatever a lost job missed.
 *
 * Runs on RequestClockChanged, which libs/requests publishes when a request
 * is filed or its state or clock moves, after that transaction committed.
 */
@Injectable()
export class SlaScheduler implements OnModuleInit {
  private readonly logger = new Logger('sla');

  constructor(
    private readonly db: TenantDb,
    private readonly sla: SlaService,
    private readonly events: DomainEvents,
    private readonly jobs: JobProducer,
  ) {}

  onModuleInit(): void {
    this.events.on(RequestClockChanged, ({ tenantId, requestId }) => this.reschedule(tenantId, requestId));
  }

  /** Reloads the request and adds a delayed job for each notice of its plan (past ones only when still due). Returns the jobs added or kept. */
  async reschedule(tenantId: string, requestId: string, now = new Date()): Promise<number> {
    try {
      const plan = await this.db.forTenant(tenantId, async (em) => {
        const req = await em.findOne(RightsRequestEntity, { where: { tenantId, id: requestId } });
        return req ? this.sla.planOf(em, req) : [];
      });
      const current = new Set(dueItems(plan, now));
      const jobs = plan.filter((i) => i.at.getTime() > now.getTime() || current.has(i));
      for (const i of jobs) {
        const data: JobData<'sla-reminder'> = { tenantId, requestId, kind: i.kind, dueAt: i.dueAt.toISOString() };
        await this.jobs.add('sla-reminder', data, { jobId: slaJobId(requestId, i.kind, i.dueAt), delay: Math.max(0, i.at.getTime() - now.getTime()) });
      }
      return jobs.length;
    } catch (e) {
      this.logger.warn(`request ${requestId}: could not schedule its SLA notices (${(e as Error).message}); the sweep sends them`);
      return 0;
    }
  }
}
