import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import Redis from 'ioredis';
import { ApiConfig, Clock, loadApiConfig } from '@regula/platform';
import { createApp } from '../../apps/api/src/create-app';
import { createTestDatabase, TestDatabase } from './test-database';
import { auditTestEnv, testEnv } from './env';
import { ResponseCheck } from './response-check';
import { startPackageWorker } from './package-worker';

export const DEMO_PASSWORD = 'correct horse battery staple';

export interface Harness {
  app: INestApplication;
  db: TestDatabase;
  config: ApiConfig;
  http(): ReturnType<typeof request>;
  login(email: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/** Redis database per Jest worker, so parallel suites do not share rate-limit counters. */
function redisUrlForWorker(): string {
  const u = new URL(testEnv().redisUrl);
  u.pathname = `/${Number(process.env.JEST_WORKER_ID ?? '1') % 16}`;
  return u.toString();
}

/** The API on a private database cloned from the template, talking to the test Redis. */
/** `clock`: the API's CLOCK (the system clock unless a test steps its own). `packageWorker`: the worker's packages queue runs beside it (access packages are built there). */
/**
 * The API's OpenAPI document, for the response check: fetched from the first API a run starts and
 * kept in the run's folder (REGULA_TEST_RUN_DIR, scripts/test.js) for the others. The routes are the
 * same in every suite's API, and building the document walks every controller (a quarter of a second).
 */
async function apiDocument(http: () => ReturnType<typeof request>): Promise<Parameters<ResponseCheck['use']>[0]> {
  const dir = process.env.REGULA_TEST_RUN_DIR;
  const file = dir ? path.join(dir, 'openapi.json') : null;
  if (file && existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const doc = (await http().get('/api/docs/openapi.json')).body;
  if (file) {
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(doc));
    renameSync(`${file}.${process.pid}`, file);
  }
  return doc;
}

export async function startApi(overrides: Record<string, string> = {}, opts: { flushRedis?: boolean; clock?: Clock; packageWorker?: boolean } = {}): Promise<Harness> {
  if (opts.flushRedis !== false) {
    // Suites of one Jest worker run one after another on this worker's Redis database.
    const redis = new Redis(redisUrlForWorker());
    await redis.flushdb();
    await redis.quit();
  }
  const db = await createTestDatabase();
  // The audit chain's checkpoint file belongs to this database: a folder of its own (a suite may choose one).
  const checkpoints = overrides.AUDIT_CHECKPOINT_DIR ? undefined : mkdtempSync(path.join(tmpdir(), 'regula-checkpoints-'));
  const config = loadApiConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.ownerUrl,
    DATABASE_APP_URL: db.appUrl,
    REDIS_URL: redisUrlForWorker(),
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
    ...(checkpoints ? auditTestEnv(checkpoints) : { AUDIT_HMAC_KEY: auditTestEnv('').AUDIT_HMAC_KEY }),
    LOG_LEVEL: 'error',
    ...overrides,
  });
  const app = await createApp(config, { logger: false, clock: opts.clock });
  // Before the routes (registered by init): every JSON answer is checked against the OpenAPI document.
  const responses = new ResponseCheck();
  app.use(responses.middleware);
  await app.init();
  const http = () => request(app.getHttpServer());
  responses.use(await apiDocument(http));
  const packages = opts.packageWorker ? await startPackageWorker(config, db, opts.clock) : null;
  return {
    app,
    db,
    config,
    http,
    async login(email, password = DEMO_PASSWORD) {
      const res = await http().post('/api/v1/auth/login').send({ email, password });
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async close() {
      await packages?.close();
      await app.close();
      await db.drop();
      if (checkpoints) rmSync(checkpoints, { recursive: true, force: true });
      if (responses.violations.length > 0) {
        throw new Error(`The API answered what its OpenAPI document does not declare:\n${[...new Set(responses.violations)].join('\n')}`);
      }
    },
  };
}

/** The audit variables of the harness's API, for a worker or second app on the same database. */
export function auditEnv(h: Harness): Record<string, string> {
  return { AUDIT_HMAC_KEY: h.config.AUDIT_HMAC_KEY, AUDIT_HMAC_PREVIOUS_KEYS: h.config.AUDIT_HMAC_PREVIOUS_KEYS, AUDIT_CHECKPOINT_DIR: h.config.AUDIT_CHECKPOINT_DIR };
}
