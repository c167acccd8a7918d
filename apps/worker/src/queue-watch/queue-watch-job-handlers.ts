import { Injectable } from '@nestjs/common';
import { JobHandlerTable, JobHandlers, QueueName } from '@regula/platform';
import { PausedQueueWatch } from './paused-queue-watch.service';

/** The monitor queue's job: every minute, queues paused too long e-mailed to the platform admins. */
@Injectable()
export class QueueWatchJobHandlers implements JobHandlerTable<QueueName.Monitor> {
  constructor(private readonly watch: PausedQueueWatch) {}

  readonly handlers: JobHandlers<QueueName.Monitor> = {
    'check-paused-queues': () => this.watch.check(),
  };
}
