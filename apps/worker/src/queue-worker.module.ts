import { DynamicModule, Module } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobHandlerTable, QueueName } from '@regula/platform';
import { JobDispatcher } from './job-dispatcher';
import { queueHostClass } from './queue-host';
import { SCHEDULES } from './schedules';
import { WORKER_QUEUES } from './worker-queues';

/** The injection token of a queue's dispatcher (read by the boot check). */
export const dispatcherToken = (queue: QueueName): string => `regula:job-dispatcher:${queue}`;

const built = new Map<QueueName, DynamicModule>();

/**
 * One queue's worker: its handler table (from WORKER_QUEUES), a dispatcher
 * over it and the BullMQ worker host. Needs the global platform modules
 * (config, database, Redis, queues) and AuditModule.
 */
@Module({})
export class QueueWorkerModule {
  /** The same module object for a queue every time, so the queue is hosted once. */
  static forQueue(queue: QueueName): DynamicModule {
    const existing = built.get(queue);
    if (existing) return existing;
    const spec = WORKER_QUEUES[queue];
    const Host = queueHostClass(queue, spec.options);
    const module: DynamicModule = {
      module: QueueWorkerModule,
      imports: spec.imports,
      providers: [
        ...(spec.providers ?? []),
        spec.handlers,
        { provide: dispatcherToken(queue), inject: [spec.handlers], useFactory: (table: JobHandlerTable<QueueName>) => new JobDispatcher(queue, table.handlers) },
        { provide: Host, inject: [dispatcherToken(queue), getQueueToken(queue)], useFactory: (d: JobDispatcher, q: Queue) => new Host(d, q, SCHEDULES[queue]) },
      ],
      exports: [dispatcherToken(queue)],
    };
    built.set(queue, module);
    return module;
  }
}
