import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_NAMES, JobData, JobName, QueueName } from './queue-names';

/** One job as the producer takes it: its name decides its queue and the type of its data. */
export interface TypedJob<N extends JobName = JobName> {
  name: N;
  data: JobData<N>;
  opts?: JobsOptions;
}

const QUEUE_OF = new Map<JobName, QueueName>(
  (Object.entries(JOB_NAMES) as [QueueName, JobName[]][]).flatMap(([queue, names]) => names.map((n) => [n, queue] as const)),
);

/** The queue a job name belongs to (`JOB_NAMES`). */
export function queueOf(name: JobName): QueueName {
  const queue = QUEUE_OF.get(name);
  if (!queue) throw new Error(`job ${name} belongs to no queue (JOB_NAMES)`);
  return queue;
}

/**
 * The one way libs add jobs: `jobs.add('sla-reminder', data, opts)` finds the
 * queue from the name, and the compiler checks the data against the job's
 * payload in `JobPayload` (a wrong or missing field does not compile). Add a
 * job that must follow a commit with `AfterCommit.run(em, () => jobs.add(...))`.
 * Provided by the global QueuesModule.
 */
@Injectable()
export class JobProducer {
  constructor(private readonly moduleRef: ModuleRef) {}

  async add<N extends JobName>(name: N, data: JobData<N>, opts?: JobsOptions): Promise<void> {
    await this.queue(queueOf(name)).add(name, data, opts);
  }

  /** Several jobs, one round trip per queue. */
  async addBulk<N extends JobName>(jobs: TypedJob<N>[]): Promise<void> {
    const byQueue = new Map<QueueName, TypedJob<N>[]>();
    for (const j of jobs) byQueue.set(queueOf(j.name), [...(byQueue.get(queueOf(j.name)) ?? []), j]);
    for (const [queue, list] of byQueue) await this.queue(queue).addBulk(list);
  }

  /**
   * Adds the job with this fixed id, or, when a job with that id gave up
   * (failed), retries it: BullMQ would otherwise ignore the add while the
   * failed job is kept.
   */
  async addOrRetry<N extends JobName>(name: N, data: JobData<N>, opts: JobsOptions & { jobId: string }): Promise<void> {
    const queue = this.queue(queueOf(name));
    const job = await queue.getJob(opts.jobId);
    if (job && (await job.getState()) === 'failed') await job.retry('failed');
    else await queue.add(name, data, opts);
  }

  /**
   * Makes sure the job with this fixed id will run (a sweep's requeue of work
   * whose job may be lost): added when there is none, retried when it gave up,
   * added anew when it finished (the work it looked for was not there yet);
   * left alone while it waits, is delayed for a retry or runs. True when it
   * added or retried one.
   */
  async requeue<N extends JobName>(name: N, data: JobData<N>, opts: JobsOptions & { jobId: string }): Promise<boolean> {
    const queue = this.queue(queueOf(name));
    const job = await queue.getJob(opts.jobId);
    const state = job ? await job.getState() : 'missing';
    if (state === 'failed') await job!.retry('failed');
    else if (state === 'completed') {
      await job!.remove();
      await queue.add(name, data, opts);
    } else if (state === 'missing' || state === 'unknown') await queue.add(name, data, opts);
    else return false;
    return true;
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
