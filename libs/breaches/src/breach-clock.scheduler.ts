import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AfterCommit, JobData, JobProducer } from '@regula/platform';
import { BreachEntity } from './breach.entity';
import { clockJobId, clockPlan, clockRunning, stepMarker } from './breach-clock';

/**
 * Adds the delayed `breach-clock` jobs of a breach (reminders 48, 24 and 6
 * hours before the deadline, and the deadline itself) once the caller's
 * transaction commits. Job ids are deterministic (breach, step, deadline):
 * scheduling twice adds nothing, a corrected awareness time adds new steps,
 * and the old ones find nothing to do. The sweep catches lost jobs.
 */
@Injectable()
export class BreachClockScheduler {
  constructor(private readonly jobs: JobProducer, private readonly afterCommit: AfterCommit) {}

  async schedule(em: EntityManager, b: BreachEntity, now = new Date()): Promise<void> {
    if (!clockRunning(b)) return;
    const jobs = clockPlan(b.deadlineAt)
      .filter((s) => !b.remindersSent.includes(stepMarker(s.kind, b.deadlineAt)))
      .map((s) => {
        const data: JobData<'breach-clock'> = { tenantId: b.tenantId, breachId: b.id, kind: s.kind };
        return { name: 'breach-clock' as const, data, opts: { jobId: clockJobId(b.id, s.kind, b.deadlineAt), delay: Math.max(0, s.at.getTime() - now.getTime()) } };
      });
    if (jobs.length) await this.afterCommit.run(em, () => this.jobs.addBulk(jobs));
  }
}
