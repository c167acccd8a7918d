import { Module } from '@nestjs/common';

/** Processors of the sla queue: reminders, escalations and overdue marking of rights requests. */
@Module({})
export class SlaWorkerModule {}
