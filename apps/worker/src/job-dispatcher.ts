import { Job } from 'bullmq';
import { JobAttempt, JobHandlers, QueueName } from '@regula/platform';

/** What the dispatcher reads of a BullMQ job. */
export type DispatchedJob = Pick<Job, 'name' | 'data' | 'attemptsMade' | 'opts'>;

type UntypedHandler = (data: unknown, attempt: JobAttempt) => Promise<unknown>;

/** The run a job is in: BullMQ counts the runs made, the handler is told this one's number and whether it is the last. */
export function attemptOf(job: DispatchedJob): JobAttempt {
  const number = job.attemptsMade + 1;
  const of = job.opts.attempts ?? 1;
  return { number, of, final: number >= of };
}

/**
 * Routes each job of one queue to the handler its name keys in the queue's
 * table (declared by the lib that does the work). Every queue's host uses one;
 * a name without a handler fails its job, and the boot check (HandlerCheck)
 * refuses to start a worker where any name of JOB_NAMES has none.
 */
export class JobDispatcher<Q extends QueueName = QueueName> {
  private readonly byName: ReadonlyMap<string, UntypedHandler>;

  constructor(readonly queue: Q, handlers: JobHandlers<Q>) {
    // The table is typed per job; a job read back from Redis is not, so its payload is trusted to match its name (producers are typed by JobPayload).
    this.byName = new Map(Object.entries(handlers) as [string, UntypedHandler][]);
  }

  /** The job names this queue has a handler for. */
  get names(): string[] {
    return [...this.byName.keys()];
  }

  async dispatch(job: DispatchedJob): Promise<unknown> {
    const handler = this.byName.get(job.name);
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    return handler(job.data, attemptOf(job));
  }
}
