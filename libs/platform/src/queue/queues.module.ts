import { Global, Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, CommonConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue-names';
import { JobProducer } from './job-producer';

const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));

/** BullMQ on the configured Redis, every queue (for the worker's hosts and the board) and the typed JobProducer the libs add jobs with. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (cfg: CommonConfig) => ({ connection: { url: cfg.REDIS_URL, maxRetriesPerRequest: null }, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    }),
    queues,
  ],
  providers: [JobProducer],
  exports: [queues, JobProducer],
})
export class QueuesModule {}
