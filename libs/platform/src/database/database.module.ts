import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, CommonConfig, appDatabaseUrl } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import type { LibSchema } from './lib-schema';
import { TenantDb } from '../tenancy/tenant-db.service';
import { AfterCommit } from './after-commit.service';
import { DatabaseProbe } from './database-probe.service';
import { DomainEvents } from '../events/domain-events';

/** The application role's connection (RLS applies), the tenant transaction wrapper, after-commit work and domain events, and the health probe. */
@Global()
@Module({})
export class DatabaseModule {
  /** `schema`: the entities (and migrations) the app composed from its libs. */
  static forRoot(schema: LibSchema): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (cfg: CommonConfig) => dataSourceOptions(appDatabaseUrl(cfg), schema, cfg.DATABASE_POOL_SIZE, 'regula-app', cfg.DATABASE_CONNECT_TIMEOUT_MS),
        }),
      ],
      providers: [TenantDb, AfterCommit, DomainEvents, DatabaseProbe],
      exports: [TenantDb, AfterCommit, DomainEvents, DatabaseProbe],
    };
  }
}
