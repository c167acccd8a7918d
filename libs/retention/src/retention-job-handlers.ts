import { Injectable } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { RetentionRecomputeService } from './retention-recompute.service';
import { RetentionSweepService } from './retention-sweep.service';

/** The retention queue's jobs (hosted by the worker): the daily start of every tenant's run, one run, one register's due dates. */
@Injectable()
export class RetentionJobHandlers implements JobHandlerTable<QueueName.Retention> {
  constructor(private readonly sweeps: RetentionSweepService, private readonly recompute: RetentionRecomputeService) {}

  readonly handlers: JobHandlers<QueueName.Retention> = {
    'retention-sweep-all': () => this.sweeps.sweepAll(),
    'retention-sweep': async ({ tenantId, runId }, attempt) => {
      try {
        const run = await this.sweeps.sweep(tenantId, runId);
        return { runId, status: run.status, erased: run.recordsErased, anonymised: run.recordsAnonymised, skippedProtected: run.recordsSkippedProtected };
      } catch (e) {
        // A job that gives up leaves its run failed, not running forever.
        if (attempt.final) await this.sweeps.fail(tenantId, runId, (e as Error).message);
        throw e;
      }
    },
    'retention-recompute': ({ tenantId, registerKey }) => this.recompute.recompute(tenantId, registerKey),
  };
}
