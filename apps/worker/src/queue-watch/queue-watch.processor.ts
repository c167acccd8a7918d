import { OnApplicationBootstrap } from '@nestjs/common';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, Queue } from 'bullmq';
import { QueueName } from '@regula/platform';
import { handles } from '../job-handlers';
import { PausedQueueWatch } from './paused-queue-watch.service';

handles('check-paused-queues');

/** The watch's fixed scheduler id: every worker upserts the same one. */
export const QUEUE_WATCH_SCHEDULER_ID = 'check-paused-queues-1m';

/** Checks every minute for queues paused too long (on its own queue, which the board does not show); delegates to PausedQueueWatch. */
@Processor(QueueName.Monitor)
export class QueueWatchProcessor extends WorkerHost implements OnApplicationBootstrap {
  constructor(private readonly watch: PausedQueueWatch, @InjectQueue(QueueName.Monitor) private readonly queue: Queue) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(QUEUE_WATCH_SCHEDULER_ID, { every: 60_000 }, { name: 'check-paused-queues', data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'check-paused-queues':
        return this.watch.check();
      default:
        throw new Error(`no handler for job ${job.name}`);
    }
  }
}
