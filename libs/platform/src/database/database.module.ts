import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, CommonConfig, appDatabaseUrl } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { TenantDb } from '../tenancy/tenant-db.service';
import { AfterCommit } from './after-commit.service';
import { DatabaseProbe } from './database-probe.service';

/** The application role's connection (RLS applies), the tenant transaction wrapper, work after commit and the health probe. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (cfg: CommonConfig) => dataSourceOptions(appDatabaseUrl(cfg), cfg.DATABASE_POOL_SIZE, 'regula-app', cfg.DATABASE_CONNECT_TIMEOUT_MS),
    }),
  ],
  providers: [TenantDb, AfterCommit, DatabaseProbe],
  exports: [TenantDb, AfterCommit, DatabaseProbe],
})
export class DatabaseModule {}
