import { Module } from '@nestjs/common';

/** the retention API: runs, schedule, legal holds. */
@Module({})
export class RetentionApiModule {}
