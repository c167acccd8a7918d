import { DynamicModule, Module } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { ConfigModule, DatabaseModule, QueuesModule, RedisModule, WorkerConfig } from '@regula/platform';
import { AuditModule } from '@regula/audit';
import { RegistersModule } from '@regula/registers';
import { TenancyModule } from '@regula/tenancy';
import { REGULA_SCHEMA } from '../../schema';
import { AuditWorkerModule } from './audit/audit-worker.module';
import { HandlerCheck } from './handler-check';
import { WebhooksWorkerModule } from './webhooks/webhooks-worker.module';
import { MailWorkerModule } from './mail/mail-worker.module';
import { RetentionWorkerModule } from './retention/retention-worker.module';
import { SlaWorkerModule } from './sla/sla-worker.module';
import { ConsentWorkerModule } from './consent/consent-worker.module';
import { BreachWorkerModule } from './breach/breach-worker.module';
import { PolicyWorkerModule } from './policy/policy-worker.module';
import { QueueWatchWorkerModule } from './queue-watch/queue-watch-worker.module';

/** The worker: one processor per queue; processors only delegate to services in libs/. */
@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ClsModule.forRoot({ global: true }),
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(REGULA_SCHEMA),
        RedisModule,
        AuditModule,
        TenancyModule,
        RegistersModule,
        QueuesModule,
        WebhooksWorkerModule,
        MailWorkerModule,
        RetentionWorkerModule,
        SlaWorkerModule,
        ConsentWorkerModule,
        BreachWorkerModule,
        PolicyWorkerModule,
        QueueWatchWorkerModule,
        AuditWorkerModule,
      ],
      providers: [HandlerCheck],
    };
  }
}
