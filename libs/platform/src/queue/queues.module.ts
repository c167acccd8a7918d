import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, CommonConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue-names';

const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));

/** BullMQ on the configured Redis, and every queue, for producers (API) and the queue hosts (worker). */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (cfg: CommonConfig) => ({ connection: { url: cfg.REDIS_URL, maxRetriesPerRequest: null }, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    }),
    queues,
  ],
  exports: [queues],
})
export class QueuesModule {}
