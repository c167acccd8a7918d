import { Module } from '@nestjs/common';

/** Processors of the breach queue: the 72-hour notification clock. */
@Module({})
export class BreachWorkerModule {}
