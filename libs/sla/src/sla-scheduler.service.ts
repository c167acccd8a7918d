import { Inject, Injectable, Logger, OnModuleInit, Optional } from '@nestjs/common';
import { CLOCK, Clock, DomainEvents, JobData, JobProducer, systemClock } from '@regula/platform';
import { RequestClockChanged } from '@regula/requests';
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
 * The change marked the request to be planned again (`next_notice_at` =
 * -infinity); planning it here stores its exact next notice, so the sweep no
 * longer reads it until then. Lost (a crash after the commit), the sweep plans it.
 */
@Injectable()
export class SlaScheduler implements OnModuleInit {
  private readonly logger = new Logger('sla');

  constructor(
    private readonly sla: SlaService,
    private readonly events: DomainEvents,
    private readonly jobs: JobProducer,
    @Optional() @Inject(CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  onModuleInit(): void {
    this.events.on(RequestClockChanged, ({ tenantId, requestId }) => this.reschedule(tenantId, requestId));
  }

  /** Plans the request again (its next notice stored) and adds a delayed job for each notice of its plan (past ones only when still due). Returns the jobs added or kept. */
  async reschedule(tenantId: string, requestId: string, now = this.clock()): Promise<number> {
    try {
      const plan = await this.sla.replan(tenantId, requestId, now);
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
