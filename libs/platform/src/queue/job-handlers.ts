import { JobData, JobName, JobPayload, QueueName } from './queue-names';

/** Which run of its job a handler is in: a handler that must do something when no retry follows (mark a run failed) reads `final`. */
export interface JobAttempt {
  /** 1 for the first run. */
  readonly number: number;
  /** The job's attempts (`DEFAULT_JOB_OPTIONS.attempts` unless it was added with others). */
  readonly of: number;
  /** No retry follows when this run fails. */
  readonly final: boolean;
}

/** The job names of one queue. */
export type QueueJobName<Q extends QueueName> = Extract<JobPayload, { queue: Q }>['name'];

/** Does one job: its payload typed by its name, and its attempt. */
export type JobHandler<N extends JobName> = (data: JobData<N>, attempt: JobAttempt) => Promise<unknown>;

/**
 * A queue's handlers keyed by job name: one for every job of the queue, each
 * typed by that job's payload, so a missing job or a wrong payload field does
 * not compile. Of a union of queues: any one queue's table.
 */
export type JobHandlers<Q extends QueueName> = Q extends QueueName ? { readonly [N in QueueJobName<Q>]: JobHandler<N> } : never;

/**
 * What a lib declares next to the services that do a queue's work (e.g.
 * `SlaJobHandlers` in libs/sla), an injectable the worker hosts on that queue.
 */
export interface JobHandlerTable<Q extends QueueName> {
  readonly handlers: JobHandlers<Q>;
}
