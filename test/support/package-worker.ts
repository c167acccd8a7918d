import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditModule } from '@regula/audit';
import { Clock, ConfigModule, DatabaseModule, loadWorkerConfig, QueueName, QueuesModule, RedisModule } from '@regula/platform';
import { RegistersModule } from '@regula/registers';
import { TenancyModule } from '@regula/tenancy';
import { REGULA_SCHEMA } from '../../apps/schema';
import { QueueWorkerModule } from '../../apps/worker/src/queue-worker.module';
import type { ApiConfig } from '@regula/platform';

@Module({})
class PackageWorkerModule {}

/**
 * The worker's packages queue alone (its BullMQ worker and handlers, as
 * `apps/worker` hosts it) on an API harness's database and Redis, with the
 * API's clock: access packages confirmed through the API are built as in
 * production, without the other queues taking the suite's jobs.
 */
export async function startPackageWorker(config: ApiConfig, db: { ownerUrl: string; appUrl: string }, clock?: Clock): Promise<INestApplicationContext> {
  const workerConfig = loadWorkerConfig({
    NODE_ENV: 'test', DATABASE_URL: db.ownerUrl, DATABASE_APP_URL: db.appUrl, REDIS_URL: config.REDIS_URL,
    AUDIT_HMAC_KEY: config.AUDIT_HMAC_KEY, AUDIT_HMAC_PREVIOUS_KEYS: config.AUDIT_HMAC_PREVIOUS_KEYS, AUDIT_CHECKPOINT_DIR: config.AUDIT_CHECKPOINT_DIR,
  });
  const ctx = await NestFactory.createApplicationContext(
    {
      module: PackageWorkerModule,
      imports: [ConfigModule.forRoot(workerConfig, clock), DatabaseModule.forRoot(REGULA_SCHEMA), RedisModule, AuditModule, TenancyModule, RegistersModule, QueuesModule, QueueWorkerModule.forQueue(QueueName.Packages)],
    },
    { logger: false },
  );
  await ctx.init();
  return ctx;
}
