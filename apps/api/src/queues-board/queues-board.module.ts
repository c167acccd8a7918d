import { Module } from '@nestjs/common';

/** the queue dashboard at /admin/queues for platform admins. */
@Module({})
export class QueuesBoardModule {}
