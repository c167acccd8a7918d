import { Module } from '@nestjs/common';
import { SlaModule } from '@regula/sla';
import { SlaProcessor } from './sla.processor';

/** Processors of the sla queue: reminders, escalations and overdue marking of rights requests. */
@Module({ imports: [SlaModule], providers: [SlaProcessor] })
export class SlaWorkerModule {}
