import { INestApplication, Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { json, urlencoded } from 'express';
import { ApiConfig, Clock, nestLogLevels, systemClock } from '@regula/platform';
import { AppModule } from './app.module';
import { securityHeaders } from './common/security-headers.middleware';
import { InputHygieneGuard } from './common/input/input-hygiene.guard';
import { DomainErrorFilter } from './common/domain-error.filter';
import { setupApiDocs } from './common/openapi';

/** Builds the configured API application (used by main.ts and the e2e tests). */
export async function createApp(config: ApiConfig, opts: { logger?: false; clock?: Clock } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, opts.clock), {
    logger: opts.logger === false ? false : nestLogLevels(config.LOG_LEVEL),
    bufferLogs: false,
  });
  app.set('trust proxy', config.TRUST_PROXY === 'true');
  app.disable('x-powered-by');
  app.use(securityHeaders);
  // Ingest batches (up to 1000 items) need more than the default 100 kB; every other route keeps it.
  const ingestJson = json({ limit: '1mb' });
  app.use('/api/v1/ingest', (req: Parameters<typeof ingestJson>[0], res: Parameters<typeof ingestJson>[1], next: () => void) => ingestJson(req, res, next));
  // A register's definition (JSON, up to 200 kB of text) is edited through the API and the dashboard's forms;
  // a section form of a big register in five languages has more than the default 1,000 fields.
  const registerJson = json({ limit: '256kb' });
  const registerForm = urlencoded({ extended: true, limit: '800kb', parameterLimit: 10_000 });
  app.use('/api/v1/tenants/:slug/registers', (req: Parameters<typeof registerJson>[0], res: Parameters<typeof registerJson>[1], next: () => void) => registerJson(req, res, next));
  app.use('/admin/t/:slug/registers', (req: Parameters<typeof registerForm>[0], res: Parameters<typeof registerForm>[1], next: () => void) => registerForm(req, res, next));
  // Before every other guard: no NUL, lone surrogate (400 naming the field) reaches a tenant lookup, limiter or handler.
  app.useGlobalGuards(new InputHygieneGuard());
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  // Libs raise domain errors (not found, conflict...), never HTTP: one filter answers them (a busy database's 503 included).
  app.useGlobalFilters(new DomainErrorFilter());
  app.enableShutdownHooks();

  setupApiDocs(app, opts.clock ?? systemClock);
  return app;
}

export const apiLogger = new Logger('api');
