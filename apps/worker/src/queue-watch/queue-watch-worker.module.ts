import { Module } from '@nestjs/common';
import { MailModule } from '@regula/mail';
import { PausedQueueWatch } from './paused-queue-watch.service';
import { QueueWatchProcessor } from './queue-watch.processor';

/** The monitor queue: a queue paused for over an hour e-mails the platform admins. */
@Module({ imports: [MailModule], providers: [PausedQueueWatch, QueueWatchProcessor] })
export class QueueWatchWorkerModule {}
