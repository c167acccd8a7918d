import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, DatabaseModule, QueueName, QueuesModule, RedisModule, WorkerConfig } from '@regula/platform';
import { AuditModule } from '@regula/audit';
import { RegistersModule } from '@regula/registers';
import { TenancyModule } from '@regula/tenancy';
import { REGULA_SCHEMA } from '../../schema';
import { HandlerCheck } from './handler-check';
import { JobDispatcher } from './job-dispatcher';
import { QueueWorkerModule, dispatcherToken } from './queue-worker.module';

const QUEUES = Object.values(QueueName);

/** The worker: one BullMQ worker per queue, each dispatching to the handler table of the lib that does the work. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(REGULA_SCHEMA), RedisModule, AuditModule, TenancyModule, RegistersModule, QueuesModule, ...QUEUES.map((q) => QueueWorkerModule.forQueue(q))],
      providers: [
        {
          provide: HandlerCheck,
          // Optional: a queue without a host is reported by the check, by name, rather than as a missing provider.
          inject: QUEUES.map((q) => ({ token: dispatcherToken(q), optional: true })),
          useFactory: (...dispatchers: (JobDispatcher | undefined)[]) => new HandlerCheck(dispatchers.filter((d): d is JobDispatcher => !!d)),
        },
      ],
    };
  }
}
