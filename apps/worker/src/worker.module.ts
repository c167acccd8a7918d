import { DynamicModule, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { ClsModule } from 'nestjs-cls';
import { ConfigModule, DatabaseModule, DEFAULT_JOB_OPTIONS, QueueName, RedisModule, WorkerConfig } from '@regula/platform';
import { AuditModule } from '@regula/audit';
import { RegistersModule } from '@regula/registers';
import { AuditChainProcessor } from './audit/audit-chain.processor';
import { HandlerCheck } from './handler-check';

/** The worker: one processor per queue; processors only delegate to services in libs/. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ClsModule.forRoot({ global: true }),
        ConfigModule.forRoot(config),
        DatabaseModule,
        RedisModule,
        AuditModule,
        RegistersModule,
        BullModule.forRoot({ connection: { url: config.REDIS_URL, maxRetriesPerRequest: null }, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
        BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
      ],
      providers: [AuditChainProcessor, HandlerCheck],
    };
  }
}
