// First: the heap's growth is bounded before the modules load.
import './heap-growth';
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadWorkerConfig, nestLogLevels, signalReady } from '@regula/platform';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadWorkerConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`regula worker: ${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: nestLogLevels(config.LOG_LEVEL) });
  app.enableShutdownHooks();
  new Logger('worker').log('ready: connected to PostgreSQL and Redis');
  signalReady();
}

bootstrap().catch((e: unknown) => {
  process.stderr.write(`regula worker: failed to start: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
