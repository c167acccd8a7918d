import { DynamicModule, Module } from '@nestjs/common';
import { ApiConfig, Clock, ConfigModule, DatabaseModule, QueuesModule, RedisModule } from '@regula/platform';
import { AuditModule } from '@regula/audit';
import { RegistersModule } from '@regula/registers';
import { TenancyModule } from '@regula/tenancy';
import { AuthModule } from '@regula/auth';
import { REGULA_SCHEMA } from '../../schema';
import { HealthController } from './health/health.controller';
import { AuthController } from './auth/auth.controller';
import { TenantsController } from './tenants/tenants.controller';
import { RegistersController } from './registers/registers.controller';
import { FactsController } from './facts/facts.controller';
import { AuditController } from './audit/audit.controller';
import { IngestApiModule } from './ingest/ingest-api.module';
import { RequestsApiModule } from './requests/requests-api.module';
import { FulfilmentApiModule } from './fulfilment/fulfilment-api.module';
import { PublicPagesModule } from './public/public-pages.module';
import { BreachesApiModule } from './breaches/breaches-api.module';
import { PoliciesApiModule } from './policies/policies-api.module';
import { RetentionApiModule } from './retention/retention-api.module';
import { QueuesBoardModule } from './queues-board/queues-board.module';
import { AdminModule } from './admin/admin.module';
import { ExportsApiModule } from './exports/exports-api.module';
import { PlatformApiModule } from './platform/platform-api.module';
import { IntakeModule } from './intake/intake.module';

/** The HTTP application. Controllers stay thin: they delegate to services in libs/. */
@Module({})
export class AppModule {
  /** `clock`: the CLOCK of every service (a test passes its own to step time). */
  static forRoot(config: ApiConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        DatabaseModule.forRoot(REGULA_SCHEMA),
        RedisModule,
        QueuesModule,
        AuditModule,
        TenancyModule,
        RegistersModule,
        AuthModule,
        IngestApiModule,
        RequestsApiModule,
        FulfilmentApiModule,
        PublicPagesModule,
        BreachesApiModule,
        PoliciesApiModule,
        RetentionApiModule,
        QueuesBoardModule,
        AdminModule,
        ExportsApiModule,
        IntakeModule,
        PlatformApiModule,
      ],
      controllers: [HealthController, AuthController, TenantsController, RegistersController, FactsController, AuditController],
    };
  }
}
