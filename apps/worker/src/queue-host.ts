import { hostname } from 'node:os';
import { OnApplicationBootstrap, Type } from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue, WorkerOptions } from 'bullmq';
import { QueueName } from '@regula/platform';
import { JobDispatcher } from './job-dispatcher';
import { QueueSchedule } from './schedules';

/**
 * The BullMQ worker of one queue: at boot it upserts the queue's schedulers
 * (fixed ids: every worker upserts the same ones) and adds its start jobs;
 * each job goes to the dispatcher.
 */
export abstract class QueueHost extends WorkerHost implements OnApplicationBootstrap {
  constructor(private readonly dispatcher: JobDispatcher, private readonly queue: Queue, private readonly schedule: QueueSchedule<QueueName>) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const { id, repeat, job } of this.schedule.repeat) await this.queue.upsertJobScheduler(id, repeat, job);
    for (const { name, data, opts } of this.schedule.atStart ?? []) await this.queue.add(name, data, opts);
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/** A queue's BullMQ worker options (concurrency, locks); the connection is the queues' own. */
export type QueueWorkerOptions = Omit<WorkerOptions, 'connection'>;

/**
 * The name every BullMQ worker of this process gives itself: BullMQ stores it on each job
 * it takes (`processedBy`), so with several worker processes the queues board and a test
 * can tell which node ran a sweep (the host name is the container's under docker compose).
 */
export const WORKER_NODE_NAME = `${hostname()}:${process.pid}`;

/** A host class for `queue` (@nestjs/bullmq finds workers by the @Processor on their class, so each queue needs a class of its own). */
export function queueHostClass(queue: QueueName, options: QueueWorkerOptions = {}): Type<QueueHost> {
  @Processor(queue, { name: WORKER_NODE_NAME, ...options })
  class Host extends QueueHost {}
  Object.defineProperty(Host, 'name', { value: `QueueHost(${queue})` });
  return Host;
}
