import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents } from 'bullmq';
import { loadWorkerConfig, QueueName } from '@regula/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Harness, auditEnv } from './api-harness';

export interface WorkerContext {
  worker: INestApplicationContext;
  /** Events of one queue, to wait for its jobs. */
  events: QueueEvents;
  close(): Promise<void>;
}

/**
 * The real worker (every processor) on a harness's database and Redis, and the events of one queue.
 * `sendMail`: it sends e-mails to the harness's SMTP server too (else it cannot send, and mints no secret).
 */
export async function startWorker(h: Harness, queue: QueueName, opts: { sendMail?: boolean } = {}): Promise<WorkerContext> {
  const mail = opts.sendMail && h.config.SMTP_URL ? { SMTP_URL: h.config.SMTP_URL } : {};
  const config = loadWorkerConfig({ NODE_ENV: 'test', DATABASE_URL: h.db.ownerUrl, DATABASE_APP_URL: h.db.appUrl, REDIS_URL: h.config.REDIS_URL, ...auditEnv(h), ...mail });
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  await worker.init();
  const events = new QueueEvents(queue, { connection: { url: h.config.REDIS_URL } });
  await events.waitUntilReady();
  return {
    worker,
    events,
    async close() {
      await events.close();
      await worker.close();
    },
  };
}
