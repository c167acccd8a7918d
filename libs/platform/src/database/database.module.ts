import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import { APP_CONFIG, CommonConfig, appDatabaseUrl } from '../config/app-config';
import { dataSourceOptions } from './data-source';
import { TenantDb } from '../tenancy/tenant-db.service';
import { TenantContext } from '../tenancy/tenant-context.service';
import { AfterCommit } from './after-commit.service';

/** The application role's connection (RLS applies), the tenant transaction wrapper and the tenant context. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (cfg: CommonConfig) => dataSourceOptions(appDatabaseUrl(cfg), cfg.DATABASE_POOL_SIZE, 'regula-app'),
    }),
  ],
  providers: [TenantDb, TenantContext, AfterCommit],
  exports: [TenantDb, TenantContext, AfterCommit],
})
export class DatabaseModule {}

export { ClsModule };
